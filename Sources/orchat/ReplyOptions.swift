import ArgumentParser

/// The options `ask` and `compare` share: who answers, in which session, and how.
struct ReplyOptions: ParsableArguments {
  @Option(
    help: "Agent to ask (default: the session's, else default_agent of config.toml).",
    completion: .agentNames)
  var agent: String?

  @Option(
    help: "Continue a session: its id (or a unique prefix), or last.", completion: .sessionIDs)
  var session: String?

  @Option(help: "Sampling temperature (0–2).")
  var temperature: Double?

  @Option(name: .customLong("max-tokens"), help: "Cap on each reply's tokens.")
  var maxTokens: Int?

  @Option(help: "System prompt, instead of the agent's.")
  var system: String?

  @Flag(help: "Let the model search the web (OpenRouter's web search; each search costs extra).")
  var web = false

  @Option(
    name: .customLong("base-url"),
    help: "API base URL (default: $OPENROUTER_BASE_URL or OpenRouter).")
  var baseURL: String?

  func validate() throws {
    if let temperature, !(0...2).contains(temperature) {
      throw ValidationError("--temperature must be between 0 and 2.")
    }
    if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1.") }
  }
}
