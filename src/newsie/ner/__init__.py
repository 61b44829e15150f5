"""newsie's transformer NER: the spaCy component, the network, windowed inference, label rules.

The names of the files a model folder holds live here, in a module that imports nothing,
because the pipeline checks a folder before anything heavy (torch) is imported.
"""

#: The weights (fp16 safetensors) of a newsie NER model folder.
WEIGHTS = "model.safetensors"
#: The exported network for ONNX Runtime (optional: a folder without it runs on PyTorch).
ONNX_WEIGHTS = "model.onnx"
#: The tokenizer files copied beside the weights (the fast tokenizer reads ``tokenizer.json``).
TOKENIZER_FILES = ("tokenizer.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json")
#: What a model folder must hold to be loaded: architecture/tag config, weights, tokenizer.
REQUIRED_FILES = ("config.json", WEIGHTS, "tokenizer.json")
#: Every file of a model folder that travels with it (``to_disk``, export, the package data).
MODEL_FILES = ("config.json", WEIGHTS, ONNX_WEIGHTS, *TOKENIZER_FILES)
