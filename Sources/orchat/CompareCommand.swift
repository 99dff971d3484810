import ArgumentParser
import ChatCommands
import ChatCore
import ChatDomain
import Foundation

/// `orchat compare`: one prompt to several models at once.
struct CompareCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Send one prompt to 2 to 4 models at once and print every reply.",
    discussion: """
      On a terminal every reply streams at once, one labelled section per model; through a \
      pipe (or with --json) the replies are printed when all are done. Standard input, when \
      it is not a terminal, comes first in the prompt. Saved as one session: the first \
      model's reply is the chosen one (the first in order that finished, when it failed), \
      the others are its variants. Exit status: 0 when at least one reply finished, 1 when \
      none did, 130 interrupted.
      """)

  @Option(
    name: .long, help: "A model to ask; give 2 to 4 (in the order the replies are printed).",
    completion: .modelIDs)
  var model: [String] = []

  @Flag(help: "Print a JSON array of the `ask --json` objects, in the order of --model.")
  var json = false

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

  @Flag(help: "Let the models search the web (OpenRouter's web search; each search costs extra).")
  var web = false

  @Option(
    name: .customLong("base-url"),
    help: "API base URL (default: $OPENROUTER_BASE_URL or OpenRouter).")
  var baseURL: String?

  @Argument(help: "The prompt.")
  var prompt: [String] = []

  func validate() throws {
    guard (2...CompareTurn.modelLimit).contains(model.count) else {
      throw ValidationError("Give 2 to \(CompareTurn.modelLimit) models with --model.")
    }
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
    let options = CompareOptions(
      models: model, temperature: temperature, maxTokens: maxTokens, system: system, json: json,
      agent: agent, session: session, prompt: text, webSearch: web ? true : nil)
    throw ExitCode(await CompareCommandRunner.run(options, baseURL: baseURL))
  }
}
