import ChatDomain

/// The text of a new agent file: every key an agent file may hold, each with a comment
/// saying what it does. Keys the agent sets are written out; the others stay commented, with
/// an example, so the file documents itself. The text is valid TOML and loads back as the
/// same agent (`AgentCatalog`), whatever the strings hold.
public enum AgentFileTemplate {
  /// - Parameters:
  ///   - agent: The settings to write (the agent copied with `--from`, or a fresh one).
  ///   - origin: Said in the header, e.g. "a copy of the built-in agent coder".
  public static func text(for agent: Agent, origin: String? = nil) -> String {
    var lines: [String] = [
      "# The orchat agent \"\(agent.name)\"\(origin.map { ", \($0)" } ?? "").",
      "# Only `model` is required. Lines starting with # are comments: remove the # to use a",
      "# setting. `orchat agents show \(agent.name)` prints what orchat reads from this file.",
      "",
      "# One line shown in `orchat agents` and the app's agent list.",
      "description = \(basicString(agent.description))",
      "",
      "# The model to ask: an id from `orchat models` (OpenRouter's `vendor/model`, or the",
      "# name a local OpenAI-compatible server gives its model).",
      "model = \(basicString(agent.model))",
      "",
      "# Models tried in order when the first cannot answer (OpenRouter only).",
    ]
    lines.append(
      agent.fallbackModels.isEmpty
        ? "# fallback_models = [\"openai/gpt-5\"]"
        : "fallback_models = \(array(agent.fallbackModels))")
    lines += ["", "# The instructions every conversation with this agent starts with."]
    if let prompt = agent.systemPrompt {
      lines.append("system_prompt = \(multilineString(prompt))")
    } else {
      lines += ["# system_prompt = \"\"\"", "# You are a careful assistant. Answer briefly.\"\"\""]
    }
    lines += ["", "# Sampling temperature, 0 to 2: lower is more focused, higher more varied."]
    lines.append(agent.temperature.map { "temperature = \(number($0))" } ?? "# temperature = 0.7")
    lines += ["", "# Nucleus sampling, 0 to 1."]
    lines.append(agent.topP.map { "top_p = \(number($0))" } ?? "# top_p = 0.9")
    lines += ["", "# The most tokens a reply may use (default 4096)."]
    lines.append(agent.maxTokens.map { "max_tokens = \($0)" } ?? "# max_tokens = 4096")
    lines += [
      "",
      "# How hard a reasoning model thinks: "
        + Agent.reasoningEfforts.joined(separator: ", ") + ".",
    ]
    lines.append(
      agent.reasoningEffort.map { "reasoning_effort = \(basicString($0))" }
        ?? "# reasoning_effort = \"medium\"")
    lines += [
      "",
      "# How OpenRouter reads attached PDFs: " + Agent.pdfEngines.joined(separator: ", ")
        + " (default: pdf_engine of config.toml, else OpenRouter's choice).",
    ]
    lines.append(
      agent.pdfEngine.map { "pdf_engine = \(basicString($0))" } ?? "# pdf_engine = \"pdf-text\"")
    lines += ["", "# Labels for your own use."]
    lines.append(agent.tags.isEmpty ? "# tags = [\"code\"]" : "tags = \(array(agent.tags))")
    lines += [
      "",
      "# Search the web for every message (OpenRouter's web search tool; each search costs",
      "# extra). true, or a table: max_results per search, engine "
        + Agent.webSearchEngines.joined(separator: ", ") + ".",
    ]
    lines.append(webSearchLine(agent.webSearch))
    lines += [
      "",
      "# Mark the prompt for caching where the model needs it (Anthropic, Gemini); false",
      "# sends it unmarked.",
    ]
    lines.append(agent.cachesPrompts ? "# cache = false" : "cache = false")
    lines += [
      "",
      "# Which providers OpenRouter routes to (OpenRouter only; config.toml's [provider] is the",
      "# default): `order` tries these first, `sort` is "
        + Agent.providerSorts.joined(separator: ", ") + ",",
      "# `allow_fallbacks = false` uses only the listed providers, `only` and `ignore` allow",
      "# or refuse providers, `data_collection = \"deny\"` skips providers that may keep",
      "# prompts, `zdr = true` uses only zero-data-retention endpoints, `require_parameters`",
      "# only providers that support every setting, `quantizations` the accepted ones",
      "# (" + Agent.quantizationLevels.joined(separator: ", ") + "), `max_price` caps in USD",
      "# per million tokens.",
    ]
    lines += providerLines(agent.provider)
    return lines.joined(separator: "\n") + "\n"
  }

  private static func webSearchLine(_ search: Agent.WebSearch?) -> String {
    guard let search else { return "# web_search = { max_results = 5, engine = \"exa\" }" }
    var settings: [String] = []
    if let count = search.maxResults { settings.append("max_results = \(count)") }
    if let engine = search.engine { settings.append("engine = \(basicString(engine))") }
    return settings.isEmpty
      ? "web_search = true" : "web_search = { \(settings.joined(separator: ", ")) }"
  }

  private static func providerLines(_ provider: Agent.ProviderRouting?) -> [String] {
    let examples: [(String, String)] = [
      ("order", "[\"anthropic\", \"amazon-bedrock\"]"), ("sort", "\"throughput\""),
      ("allow_fallbacks", "true"), ("only", "[\"anthropic\"]"), ("ignore", "[\"deepinfra\"]"),
      ("data_collection", "\"deny\""), ("zdr", "true"), ("require_parameters", "true"),
      ("quantizations", "[\"fp8\", \"bf16\"]"),
      ("max_price", "{ prompt = 3, completion = 15 }"),
    ]
    guard let provider else { return ["# [provider]"] + examples.map { "# \($0.0) = \($0.1)" } }
    var set: [String: String] = [:]
    set["order"] = provider.order.map(array)
    set["sort"] = provider.sort.map(basicString)
    set["allow_fallbacks"] = provider.allowFallbacks.map { "\($0)" }
    set["only"] = provider.only.map(array)
    set["ignore"] = provider.ignore.map(array)
    set["data_collection"] = provider.dataCollection.map(basicString)
    set["zdr"] = provider.zdr.map { "\($0)" }
    set["require_parameters"] = provider.requireParameters.map { "\($0)" }
    set["quantizations"] = provider.quantizations.map(array)
    if let price = provider.maxPrice {
      let caps = [
        price.prompt.map { "prompt = \(number($0))" },
        price.completion.map { "completion = \(number($0))" },
      ].compactMap { $0 }
      set["max_price"] = "{ \(caps.joined(separator: ", ")) }"
    }
    return ["[provider]"]
      + examples.map { key, example in set[key].map { "\(key) = \($0)" } ?? "# \(key) = \(example)"
      }
  }

  /// A TOML basic string: `"…"` with quotes, backslashes and control characters escaped.
  static func basicString(_ text: String) -> String {
    "\"" + escaped(text, keepingNewlines: false) + "\""
  }

  /// A TOML multi-line basic string. The newline after the opening quotes is not part of
  /// the value; every quote is escaped, so no `"""` can end it early.
  static func multilineString(_ text: String) -> String {
    "\"\"\"\n" + escaped(text, keepingNewlines: true) + "\"\"\""
  }

  static func array(_ items: [String]) -> String {
    "[" + items.map(basicString).joined(separator: ", ") + "]"
  }

  /// A TOML float that reads back as the same `Double` (`0.2`, `1.0`).
  static func number(_ value: Double) -> String {
    let text = "\(value)"
    return text.contains(".") || text.contains("e") ? text : text + ".0"
  }

  private static func escaped(_ text: String, keepingNewlines: Bool) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += keepingNewlines ? "\n" : "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }
}
