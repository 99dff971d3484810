import ArgumentParser
import ChatApp
import ChatCommands
import ChatCore
import ChatDomain
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
      Attach files with -a (images, PDFs, WAV or MP3 audio, text); images the model makes
      are written to files (--save-images DIR, default the current directory) and their
      paths printed after the reply.
      """)

  @OptionGroup var reply: ReplyOptions

  @Option(
    name: .long, help: "Model id, instead of the agent's; repeat for a fallback list.",
    completion: .modelIDs)
  var model: [String] = []

  @Flag(name: .customLong("no-stream"), help: "Wait for the whole reply instead of streaming.")
  var noStream = false

  @Flag(help: "Print one JSON object with the reply, model, finish reason and usage.")
  var json = false

  @Option(
    name: [.customShort("a"), .customLong("attach")],
    help: ArgumentHelp(
      "A file to send with the prompt: an image, PDF, WAV or MP3, or text; repeat for more. "
        + "- reads standard input as the file when it is not text.", valueName: "file"),
    completion: .file())
  var attach: [String] = []

  @Option(
    name: .customLong("save-images"),
    help: ArgumentHelp(
      "Where images the model makes are written (default: the current directory).",
      valueName: "dir"),
    completion: .directory)
  var saveImages: String?

  @Flag(help: "Send attachments even to a model whose catalog entry does not take them.")
  var force = false

  @Argument(help: "The prompt.")
  var prompt: [String] = []

  func run() async throws {
    let input: Data?
    do {
      input = try StandardInput.readData()
    } catch {
      throw ExitCode(AppContext().fail(error))
    }
    var standardInput = input.map { String(decoding: $0, as: UTF8.self) }
    var standardInputFile: Data?
    if let input, !input.isEmpty, !AttachmentSniffer.isText(input) {
      // Binary standard input is a file: attached with `-a -`, refused as prompt text.
      guard attach.contains("-") else {
        let what = AttachmentSniffer.sniff(input).map { "a \($0.mediaType) file" } ?? "binary data"
        throw ExitCode(
          AppContext().fail(
            ChatError(
              .invalidInput,
              "standard input is \(what), not text; attach it with -a - (orchat ask -a - \"…\")"
            )))
      }
      standardInputFile = input
      standardInput = nil
    }
    let text = AskOptions.joinPrompt(standardInput: standardInput, arguments: prompt)
    let attachments = attach.filter { $0 != "-" || standardInputFile != nil }
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || !attachments.isEmpty
    else {
      throw ValidationError("No prompt: give it as arguments or on standard input.")
    }
    var options = AskOptions(
      models: model, temperature: reply.temperature, maxTokens: reply.maxTokens,
      system: reply.system, stream: !noStream, json: json, agent: reply.agent,
      session: reply.session, prompt: text, webSearch: reply.web ? true : nil)
    options.attachments = attachments
    options.standardInputFile = standardInputFile
    options.saveImagesDirectory = saveImages
    options.force = force
    let status = await AskCommandRunner.run(options, baseURL: reply.baseURL)
    throw ExitCode(status)
  }
}
