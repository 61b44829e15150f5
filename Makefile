# The two commands of the README.  Both set up .venv (idempotent) first.
.PHONY: demo test setup bench wheel-check

demo:  ## set up, extract data/seeds/: a readable summary, records in out/demo.jsonl (JSONL=1: records on stdout)
	bash scripts/demo.sh $(if $(JSONL),--jsonl)

test:  ## set up, then ruff + the whole test suite + the wheel check (scripts/wheel_check.sh)
	bash scripts/test.sh

setup:
	bash scripts/setup.sh

bench:  ## speed/memory benchmarks (ratios against en_core_web_sm in the same process)
	bash scripts/setup.sh && HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/profile_pipeline.py && HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/bench_ner.py && HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/bench_batch.py

wheel-check:  ## build the wheel, install it in a fresh venv outside the repo, compare its extract with the repo's
	bash scripts/setup.sh && bash scripts/wheel_check.sh
