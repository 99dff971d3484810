import ChatCore
import ChatDomain
import Foundation

/// Runs `orchat agents` and `orchat agents show NAME`.
///
/// Broken agent files are reported one `error:` line each (file, line, key) on standard
/// error, the other agents are still listed, and the exit status is 1 so scripts notice.
public struct AgentsCommandRunner: Sendable {
  let context: AppContext

  public init(context: AppContext = AppContext()) {
    self.context = context
  }

  /// `agents [--json]`.
  public func list(json: Bool) async -> Int32 {
    let catalog = context.loadAgents()
    var problems = catalog.issues
    var defaultAgent = AppConfig.defaultAgentName
    do {
      defaultAgent = try context.loadConfig().defaultAgent
    } catch let error as ChatError {
      problems.insert(error, at: 0)
    } catch {
      problems.insert(ChatError(.configuration, String(describing: error)), at: 0)
    }
    do {
      if json {
        context.output.write(try JSONText.encode(catalog.agents.map(AgentJSON.init)))
      } else {
        var table = TextTable([
          ("NAME", .left), ("MODEL", .left), ("SOURCE", .left), ("DESCRIPTION", .left),
        ])
        for agent in catalog.agents {
          table.append([
            agent.name + (agent.name == defaultAgent ? " *" : ""), agent.model,
            Self.source(agent), agent.description,
          ])
        }
        context.output.write(table.text)
      }
    } catch {
      return context.fail(error)
    }
    for problem in problems { context.fail(problem) }
    return problems.isEmpty ? 0 : 1
  }

  /// `agents show NAME [--json]`.
  public func show(_ name: String, json: Bool) async -> Int32 {
    do {
      let agent = try context.loadAgents().resolve(name)
      if json {
        context.output.write(try JSONText.encode(AgentJSON(agent)))
        return 0
      }
      func value<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "-" }
      func list(_ items: [String]) -> String { items.isEmpty ? "-" : items.joined(separator: ", ") }
      var lines = [
        "name: \(agent.name)",
        "description: \(agent.description)",
        "source: \(Self.source(agent))",
        "model: \(agent.model)",
        "fallback_models: \(list(agent.fallbackModels))",
        "temperature: \(value(agent.temperature))",
        "top_p: \(value(agent.topP))",
        "max_tokens: \(value(agent.maxTokens))",
        "reasoning_effort: \(value(agent.reasoningEffort))",
      ]
      if let provider = agent.provider {
        var routing =
          "provider: order \(provider.order?.joined(separator: ", ") ?? "-"), sort "
          + "\(value(provider.sort)), allow_fallbacks \(value(provider.allowFallbacks))"
        let more: [(String, String?)] = [
          ("only", provider.only.map(list)), ("ignore", provider.ignore.map(list)),
          ("data_collection", provider.dataCollection), ("zdr", provider.zdr.map { "\($0)" }),
          ("require_parameters", provider.requireParameters.map { "\($0)" }),
          ("quantizations", provider.quantizations.map(list)),
          ("max_price", provider.maxPrice.map(Self.maxPrice)),
        ]
        for case (let key, let text?) in more { routing += ", \(key) \(text)" }
        lines.append(routing)
      }
      if let search = agent.webSearch {
        lines.append(
          "web_search: engine \(search.engine ?? "auto"), max_results "
            + (search.maxResults.map { "\($0)" } ?? "default"))
      }
      if !agent.cachesPrompts { lines.append("cache: false") }
      lines.append("tags: \(list(agent.tags))")
      lines.append("system_prompt:")
      lines.append(
        contentsOf: (agent.systemPrompt ?? "-").split(
          separator: "\n", omittingEmptySubsequences: false
        )
        .map { "  \($0)" })
      context.output.write(lines.joined(separator: "\n") + "\n")
      return 0
    } catch {
      return context.fail(error)
    }
  }

  /// `prompt 3, completion 15` (USD per million tokens).
  static func maxPrice(_ price: Agent.ProviderRouting.MaxPrice) -> String {
    [
      price.prompt.map { "prompt \(Self.number($0))" },
      price.completion.map { "completion \(Self.number($0))" },
    ].compactMap { $0 }.joined(separator: " ")
  }

  private static func number(_ value: Double) -> String {
    value.rounded() == value ? String(Int(value)) : String(value)
  }

  static func source(_ agent: Agent) -> String {
    switch agent.source {
    case .builtIn: return "built-in"
    case .file(let path): return path
    }
  }
}
