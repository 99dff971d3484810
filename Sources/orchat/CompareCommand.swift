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

  @OptionGroup var reply: ReplyOptions

  @Flag(help: "Print a JSON array of the `ask --json` objects, in the order of --model.")
  var json = false

  @Argument(help: "The prompt.")
  var prompt: [String] = []

  func validate() throws {
    guard (2...CompareTurn.modelLimit).contains(model.count) else {
      throw ValidationError("Give 2 to \(CompareTurn.modelLimit) models with --model.")
    }
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
      models: model, temperature: reply.temperature, maxTokens: reply.maxTokens,
      system: reply.system, json: json, agent: reply.agent, session: reply.session, prompt: text,
      webSearch: reply.web ? true : nil)
    throw ExitCode(await CompareCommandRunner.run(options, baseURL: reply.baseURL))
  }
}
