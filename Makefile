# The two commands of the README.  Both set up .venv (idempotent) first.
.PHONY: demo test setup bench

demo:  ## set up, then extract records from data/seeds/ to stdout
	bash scripts/demo.sh

test:  ## set up, then ruff + the whole test suite
	bash scripts/test.sh

setup:
	bash scripts/setup.sh

bench:  ## speed/memory benchmarks (ratios against en_core_web_sm in the same process)
	bash scripts/setup.sh && HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/profile_pipeline.py && HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/bench_ner.py && HF_HUB_OFFLINE=1 .venv/bin/python benchmarks/bench_batch.py
