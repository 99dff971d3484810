/// The body the stub serves for `GET /models`: ten real entries of the catalog snapshot
/// (`shared/data/openrouter-models.json`, including `openrouter/auto` with `"-1"` prices) and one
/// constructed entry with the nullable fields and unknown keys of protocol §13 case 53.
public enum StubCatalog {
  public static let json = #"""
{
 "data": [
  {
   "id": "anthropic/claude-haiku-4.5",
   "canonical_slug": "anthropic/claude-4.5-haiku-20251001",
   "hugging_face_id": "",
   "name": "Anthropic: Claude Haiku 4.5",
   "created": 1760547638,
   "description": "Claude Haiku 4.5 is Anthropic’s fastest and most efficient model, delivering near-frontier intelligence at a fraction of the cost and latency of larger Claude models. Matching Claude Sonnet 4’s performance...",
   "context_length": 200000,
   "architecture": {
    "modality": "text+image->text",
    "input_modalities": [
     "image",
     "text"
    ],
    "output_modalities": [
     "text"
    ],
    "tokenizer": "Claude",
    "instruct_type": null
   },
   "pricing": {
    "prompt": "0.000001",
    "completion": "0.000005",
    "web_search": "0.01",
    "input_cache_read": "0.0000001",
    "input_cache_write": "0.00000125"
   },
   "top_provider": {
    "context_length": 200000,
    "max_completion_tokens": 64000,
    "is_moderated": true
   },
   "per_request_limits": null,
   "supported_parameters": [
    "include_reasoning",
    "max_tokens",
    "reasoning",
    "response_format",
    "stop",
    "structured_outputs",
    "temperature",
    "tool_choice",
    "tools",
    "top_k",
    "top_p"
   ],
   "default_parameters": {
    "temperature": null,
    "top_p": null,
    "top_k": null,
    "frequency_penalty": null,
    "presence_penalty": null,
    "repetition_penalty": null
   },
   "knowledge_cutoff": null,
   "expiration_date": null,
   "links": {
    "details": "/api/v1/models/anthropic/claude-4.5-haiku-20251001/endpoints"
   }
  },
  {
   "id": "anthropic/claude-sonnet-4.5",
   "canonical_slug": "anthropic/claude-4.5-sonnet-20250929",
   "hugging_face_id": "",
   "name": "Anthropic: Claude Sonnet 4.5",
   "created": 1759161676,
   "description": "Claude Sonnet 4.5 is Anthropic’s most advanced Sonnet model to date, optimized for real-world agents and coding workflows. It delivers state-of-the-art performance on coding benchmarks such as SWE-bench Verified, with...",
   "context_length": 1000000,
   "architecture": {
    "modality": "text+image+file->text",
    "input_modalities": [
     "text",
     "image",
     "file"
    ],
    "output_modalities": [
     "text"
    ],
    "tokenizer": "Claude",
    "instruct_type": null
   },
   "pricing": {
    "prompt": "0.000003",
    "completion": "0.000015",
    "web_search": "0.01",
    "input_cache_read": "0.0000003",
    "input_cache_write": "0.00000375"
   },
   "top_provider": {
    "context_length": 1000000,
    "max_completion_tokens": 64000,
    "is_moderated": true
   },
   "per_request_limits": null,
   "supported_parameters": [
    "include_reasoning",
    "max_tokens",
    "reasoning",
    "response_format",
    "stop",
    "structured_outputs",
    "temperature",
    "tool_choice",
    "tools",
    "top_k",
    "top_p"
   ],
   "default_parameters": {
    "temperature": 1,
    "top_p": 1,
    "top_k": null,
    "frequency_penalty": null,
    "presence_penalty": null,
    "repetition_penalty": null
   },
   "knowledge_cutoff": "2025-01-31",
   "expiration_date": null,
   "links": {
    "details": "/api/v1/models/anthropic/claude-4.5-sonnet-20250929/endpoints"
   }
  },
  {
   "id": "anthropic/claude-sonnet-4.6",
   "canonical_slug": "anthropic/claude-4.6-sonnet-20260217",
   "hugging_face_id": "",
   "name": "Anthropic: Claude Sonnet 4.6",
   "created": 1771342990,
   "description": "Sonnet 4.6 is Anthropic's most capable Sonnet-class model yet, with frontier performance across coding, agents, and professional work. It excels at iterative development, complex codebase navigation, end-to-end project management with...",
   "context_length": 1000000,
   "architecture": {
    "modality": "text+image->text",
    "input_modalities": [
     "text",
     "image"
    ],
    "output_modalities": [
     "text"
    ],
    "tokenizer": "Claude",
    "instruct_type": null
   },
   "pricing": {
    "prompt": "0.000003",
    "completion": "0.000015",
    "web_search": "0.01",
    "input_cache_read": "0.0000003",
    "input_cache_write": "0.00000375"
   },
   "top_provider": {
    "context_length": 1000000,
    "max_completion_tokens": 128000,
    "is_moderated": true
   },
   "per_request_limits": null,
   "supported_parameters": [
    "include_reasoning",
    "max_completion_tokens",
    "max_tokens",
    "reasoning",
    "response_format",
    "stop",
    "structured_outputs",
    "temperature",
    "tool_choice",
    "tools",
    "top_k",
    "top_p",
    "verbosity"
   ],
   "default_parameters": {
    "temperature": null,
    "top_p": null,
    "top_k": null,
    "frequency_penalty": null,
    "presence_penalty": null,
    "repetition_penalty": null
   },
   "knowledge_cutoff": null,
   "expiration_date": null,
   "links": {
    "details": "/api/v1/models/anthropic/claude-4.6-sonnet-20260217/endpoints"
   }
  },
  {
   "id": "deepseek/deepseek-r1",
   "canonical_slug": "deepseek/deepseek-r1",
   "hugging_face_id": "deepseek-ai/DeepSeek-R1",
   "name": "DeepSeek: R1",
   "created": 1737381095,
   "description": "DeepSeek R1 is here: Performance on par with [OpenAI o1](/openai/o1), but open-sourced and with fully open reasoning tokens. It's 671B parameters in size, with 37B active in an inference pass....",
   "context_length": 64000,
   "architecture": {
    "modality": "text->text",
    "input_modalities": [
     "text"
    ],
    "output_modalities": [
     "text"
    ],
    "tokenizer": "DeepSeek",
    "instruct_type": "deepseek-r1"
   },
   "pricing": {
    "prompt": "0.0000007",
    "completion": "0.0000025"
   },
   "top_provider": {
    "context_length": 64000,
    "max_completion_tokens": 16000,
    "is_moderated": false
   },
   "per_request_limits": null,
   "supported_parameters": [
    "frequency_penalty",
    "include_reasoning",
    "max_completion_tokens",
    "max_tokens",
    "presence_penalty",
    "reasoning",
    "repetition_penalty",
    "seed",
    "stop",
    "temperature",
    "tool_choice",
    "tools",
    "top_k",
    "top_p"
   ],
   "default_parameters": {
    "temperature": null,
    "top_p": null,
    "top_k": null,
    "frequency_penalty": null,
    "presence_penalty": null,
    "repetition_penalty": null
   },
   "knowledge_cutoff": "2024-07-31",
   "expiration_date": null,
   "links": {
    "details": "/api/v1/models/deepseek/deepseek-r1/endpoints"
   }
  },
  {
   "id": "google/gemini-2.5-flash",
   "canonical_slug": "google/gemini-2.5-flash",
   "hugging_face_id": "",
   "name": "Google: Gemini 2.5 Flash",
   "created": 1750172488,
   "description": "Gemini 2.5 Flash is Google's state-of-the-art workhorse model, specifically designed for advanced reasoning, coding, mathematics, and scientific tasks. It includes built-in \"thinking\" capabilities, enabling it to provide responses with greater...",
   "context_length": 1048576,
   "architecture": {
    "modality": "text+image+file+audio+video->text",
    "input_modalities": [
     "file",
     "image",
     "text",
     "audio",
     "video"
    ],
    "output_modalities": [
     "text"
    ],
    "tokenizer": "Gemini",
    "instruct_type": null
   },
   "pricing": {
    "prompt": "0.0000003",
    "completion": "0.0000025",
    "image": "0.0000003",
    "audio": "0.000001",
    "web_search": "0.014",
    "internal_reasoning": "0.0000025",
    "input_cache_read": "0.00000003",
    "input_cache_write": "0.00000008333333333333334"
   },
   "top_provider": {
    "context_length": 1048576,
    "max_completion_tokens": 65535,
    "is_moderated": false
   },
   "per_request_limits": null,
   "supported_parameters": [
    "include_reasoning",
    "max_tokens",
    "reasoning",
    "response_format",
    "seed",
    "stop",
    "structured_outputs",
    "temperature",
    "tool_choice",
    "tools",
    "top_p"
   ],
   "default_parameters": {
    "temperature": null,
    "top_p": null,
    "frequency_penalty": null
   },
   "knowledge_cutoff": "2025-01-31",
   "expiration_date": null,
   "links": {
    "details": "/api/v1/models/google/gemini-2.5-flash/endpoints"
   }
  },
  {
   "id": "meta-llama/llama-3.3-70b-instruct",
   "canonical_slug": "meta-llama/llama-3.3-70b-instruct",
   "hugging_face_id": "meta-llama/Llama-3.3-70B-Instruct",
   "name": "Meta: Llama 3.3 70B Instruct",
   "created": 1733506137,
   "description": "The Meta Llama 3.3 multilingual large language model (LLM) is a pretrained and instruction tuned generative model in 70B (text in/text out). The Llama 3.3 instruction tuned text only model...",
   "context_length": 131072,
   "architecture": {
    "modality": "text->text",
    "input_modalities": [
     "text"
    ],
    "output_modalities": [
     "text"
    ],
    "tokenizer": "Llama3",
    "instruct_type": "llama3"
   },
   "pricing": {
    "prompt": "0.0000001",
    "completion": "0.00000032"
   },
   "top_provider": {
    "context_length": 131072,
    "max_completion_tokens": 16384,
    "is_moderated": false
   },
   "per_request_limits": null,
   "supported_parameters": [
    "frequency_penalty",
    "logit_bias",
    "max_tokens",
    "min_p",
    "presence_penalty",
    "repetition_penalty",
    "response_format",
    "seed",
    "stop",
    "structured_outputs",
    "temperature",
    "tool_choice",
    "tools",
    "top_k",
    "top_p"
   ],
   "default_parameters": {},
   "knowledge_cutoff": "2023-12-31",
   "expiration_date": null,
   "links": {
    "details": "/api/v1/models/meta-llama/llama-3.3-70b-instruct/endpoints"
   }
  },
  {
   "id": "openai/gpt-4.1-mini",
   "canonical_slug": "openai/gpt-4.1-mini-2025-04-14",
   "hugging_face_id": "",
   "name": "OpenAI: GPT-4.1 Mini",
   "created": 1744651381,
   "description": "GPT-4.1 Mini is a mid-sized model delivering performance competitive with GPT-4o at substantially lower latency and cost. It retains a 1 million token context window and scores 45.1% on hard...",
   "context_length": 1047576,
   "architecture": {
    "modality": "text+image+file->text",
    "input_modalities": [
     "image",
     "text",
     "file"
    ],
    "output_modalities": [
     "text"
    ],
    "tokenizer": "GPT",
    "instruct_type": null
   },
   "pricing": {
    "prompt": "0.0000004",
    "completion": "0.0000016",
    "web_search": "0.01",
    "input_cache_read": "0.0000001"
   },
   "top_provider": {
    "context_length": 1047576,
    "max_completion_tokens": 32768,
    "is_moderated": true
   },
   "per_request_limits": null,
   "supported_parameters": [
    "max_completion_tokens",
    "max_tokens",
    "response_format",
    "seed",
    "structured_outputs",
    "temperature",
    "tool_choice",
    "tools",
    "top_p"
   ],
   "default_parameters": {},
   "knowledge_cutoff": "2024-06-30",
   "expiration_date": null,
   "links": {
    "details": "/api/v1/models/openai/gpt-4.1-mini-2025-04-14/endpoints"
   }
  },
  {
   "id": "openai/gpt-4o",
   "canonical_slug": "openai/gpt-4o",
   "hugging_face_id": null,
   "name": "OpenAI: GPT-4o",
   "created": 1715558400,
   "description": "GPT-4o (\"o\" for \"omni\") is OpenAI's latest AI model, supporting both text and image inputs with text outputs. It maintains the intelligence level of [GPT-4 Turbo](/models/openai/gpt-4-turbo) while being twice as...",
   "context_length": 128000,
   "architecture": {
    "modality": "text+image+file->text",
    "input_modalities": [
     "text",
     "image",
     "file"
    ],
    "output_modalities": [
     "text"
    ],
    "tokenizer": "GPT",
    "instruct_type": null
   },
   "pricing": {
    "prompt": "0.0000025",
    "completion": "0.00001"
   },
   "top_provider": {
    "context_length": 128000,
    "max_completion_tokens": 16384,
    "is_moderated": false
   },
   "per_request_limits": null,
   "supported_parameters": [
    "frequency_penalty",
    "logit_bias",
    "logprobs",
    "max_completion_tokens",
    "max_tokens",
    "presence_penalty",
    "response_format",
    "seed",
    "stop",
    "structured_outputs",
    "temperature",
    "tool_choice",
    "tools",
    "top_logprobs",
    "top_p",
    "web_search_options"
   ],
   "default_parameters": {},
   "knowledge_cutoff": "2023-10-31",
   "expiration_date": null,
   "links": {
    "details": "/api/v1/models/openai/gpt-4o/endpoints"
   }
  },
  {
   "id": "openai/gpt-4o-mini",
   "canonical_slug": "openai/gpt-4o-mini",
   "hugging_face_id": null,
   "name": "OpenAI: GPT-4o-mini",
   "created": 1721260800,
   "description": "GPT-4o mini is OpenAI's newest model after [GPT-4 Omni](/models/openai/gpt-4o), supporting both text and image inputs with text outputs. As their most advanced small model, it is many multiples more affordable...",
   "context_length": 128000,
   "architecture": {
    "modality": "text+image+file->text",
    "input_modalities": [
     "text",
     "image",
     "file"
    ],
    "output_modalities": [
     "text"
    ],
    "tokenizer": "GPT",
    "instruct_type": null
   },
   "pricing": {
    "prompt": "0.00000015",
    "completion": "0.0000006",
    "input_cache_read": "0.000000075"
   },
   "top_provider": {
    "context_length": 128000,
    "max_completion_tokens": 16384,
    "is_moderated": false
   },
   "per_request_limits": null,
   "supported_parameters": [
    "frequency_penalty",
    "logit_bias",
    "logprobs",
    "max_completion_tokens",
    "max_tokens",
    "presence_penalty",
    "response_format",
    "seed",
    "stop",
    "structured_outputs",
    "temperature",
    "tool_choice",
    "tools",
    "top_logprobs",
    "top_p",
    "web_search_options"
   ],
   "default_parameters": {},
   "knowledge_cutoff": "2023-10-31",
   "expiration_date": null,
   "links": {
    "details": "/api/v1/models/openai/gpt-4o-mini/endpoints"
   }
  },
  {
   "id": "openrouter/auto",
   "canonical_slug": "openrouter/auto",
   "hugging_face_id": null,
   "name": "Auto Router",
   "created": 1699401600,
   "description": "\"Your prompt will be processed by a meta-model and routed to one of dozens of models (see below), optimizing for the best possible output. To see which model was used,...",
   "context_length": 2000000,
   "architecture": {
    "modality": "text+image+file+audio+video->text+image",
    "input_modalities": [
     "text",
     "image",
     "audio",
     "file",
     "video"
    ],
    "output_modalities": [
     "text",
     "image"
    ],
    "tokenizer": "Router",
    "instruct_type": null
   },
   "pricing": {
    "prompt": "-1",
    "completion": "-1"
   },
   "top_provider": {
    "context_length": null,
    "max_completion_tokens": null,
    "is_moderated": false
   },
   "per_request_limits": null,
   "supported_parameters": [
    "frequency_penalty",
    "include_reasoning",
    "logit_bias",
    "logprobs",
    "max_completion_tokens",
    "max_tokens",
    "min_p",
    "presence_penalty",
    "reasoning",
    "repetition_penalty",
    "response_format",
    "seed",
    "stop",
    "structured_outputs",
    "temperature",
    "tool_choice",
    "tools",
    "top_k",
    "top_logprobs",
    "top_p",
    "web_search_options"
   ],
   "default_parameters": {
    "temperature": null,
    "top_p": null,
    "top_k": null,
    "frequency_penalty": null,
    "presence_penalty": null,
    "repetition_penalty": null
   },
   "knowledge_cutoff": null,
   "expiration_date": null,
   "links": {
    "details": "/api/v1/models/openrouter/auto/endpoints"
   }
  },
  {
   "id": "stub/oddities",
   "canonical_slug": "stub/oddities",
   "hugging_face_id": "",
   "name": "Stub: Oddities",
   "created": 1760000000,
   "description": "Nullable fields and unknown keys, as protocol section 13 case 53 lists.",
   "context_length": null,
   "architecture": {
    "modality": "text->text",
    "input_modalities": [
     "text"
    ],
    "output_modalities": [
     "text",
     "embeddings"
    ],
    "tokenizer": "Other",
    "instruct_type": null
   },
   "pricing": {
    "prompt": "0",
    "completion": "0",
    "discount": 0,
    "request": "0.001"
   },
   "top_provider": {
    "context_length": null,
    "max_completion_tokens": null,
    "is_moderated": false
   },
   "per_request_limits": null,
   "supported_parameters": [],
   "default_parameters": {
    "temperature": null,
    "top_p": null
   },
   "supported_voices": null,
   "knowledge_cutoff": null,
   "expiration_date": null,
   "links": {
    "details": "/api/v1/models/stub/oddities/endpoints"
   },
   "benchmarks": {
    "x": 1
   }
  }
 ]
}
"""#
}
