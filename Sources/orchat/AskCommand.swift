import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore
import Foundation

/// `orchat ask`: one prompt in, the reply out, for pipes and scripts.
struct AskCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ask",
    abstract: "Send one prompt and print the reply.",
    discussion: """
      Standard input, when it is not a terminal, comes first in the prompt (up to 16 MiB):
        git diff | orchat ask "review this"
      Give --model several times for a fallback list. Every exchange is saved: a new
      session each time, or --session last (or an id) to continue one. With --web the
      model may search the web; the sources it cites follow the reply. Exit status:
      0 success, 1 error, 130 interrupted, 141 standard output closed.
      """)

  @Option(
    help: "Agent to ask (default: the session's, else default_agent of config.toml).",
    completion: .agentNames)
  var agent: String?

  @Option(
    help: "Continue a session: its id (or a unique prefix), or last.", completion: .sessionIDs)
  var session: String?

  @Option(
    name: .long, help: "Model id, instead of the agent's; repeat for a fallback list.",
    completion: .modelIDs)
  var model: [String] = []

  @Option(help: "Sampling temperature (0–2).")
  var temperature: Double?

  @Option(name: .customLong("max-tokens"), help: "Cap on the reply's tokens.")
  var maxTokens: Int?

  @Option(help: "System prompt, instead of the agent's.")
  var system: String?

  @Flag(help: "Let the model search the web (OpenRouter's web search; each search costs extra).")
  var web = false

  @Flag(name: .customLong("no-stream"), help: "Wait for the whole reply instead of streaming.")
  var noStream = false

  @Flag(help: "Print one JSON object with the reply, model, finish reason and usage.")
  var json = false

  @Option(
    name: .customLong("base-url"),
    help: "API base URL (default: $OPENROUTER_BASE_URL or OpenRouter).")
  var baseURL: String?

  @Argument(help: "The prompt.")
  var prompt: [String] = []

  func validate() throws {
    if let temperature, !(0...2).contains(temperature) {
      throw ValidationError("--temperature must be between 0 and 2.")
    }
    if let maxTokens, maxTokens < 1 { throw ValidationError("--max-tokens must be at least 1.") }
  }

  func run() async throws {
    let standardInput: String?
    do {
      standardInput = try StandardInput.read()
    } catch {
      throw ExitCode(AppContext().fail(error))
    }
    let text = AskOptions.joinPrompt(standardInput: standardInput, arguments: prompt)
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw ValidationError("No prompt: give it as arguments or on standard input.")
    }
    let options = AskOptions(
      models: model, temperature: temperature, maxTokens: maxTokens, system: system,
      stream: !noStream, json: json, agent: agent, session: session, prompt: text,
      webSearch: web ? true : nil)
    let status = await AskCommandRunner.run(options, baseURL: baseURL)
    throw ExitCode(status)
  }
}
