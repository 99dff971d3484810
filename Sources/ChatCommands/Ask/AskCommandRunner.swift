import ChatCore
import ChatDomain
import Foundation
import OpenRouter

/// Wires `orchat ask` to the live environment: the config, the key, the agents, the session
/// store, the HTTP transport, standard output and error, and Ctrl-C.
public enum AskCommandRunner {
  /// - Returns: the exit status.
  public static func run(
    _ options: AskOptions, baseURL: String?, context: AppContext = AppContext()
  ) async -> Int32 {
    guard
      let setup = await ReplyCommandSetup.make(
        agent: options.agent, session: options.session, baseURL: baseURL, context: context)
    else { return 1 }
    let (config, agent, session) = (setup.config, setup.agent, setup.session)
    // Files are read, and checked against the model, before anything is sent.
    let files: [AttachmentFile]
    switch readAttachments(options, limits: config.attachmentLimits, context: context) {
    case .success(let read): files = read
    case .failure(let problem):
      context.errors.write("error: \(problem.userMessage); nothing was sent\n")
      return 1
    }
    let catalog = setup.catalog
    let model = options.models.first ?? agent.model
    if !options.force, let entry = catalog.model(id: model) {
      let missing = entry.unsupportedKinds(files.map(\.attachment.kind))
      if !missing.isEmpty {
        let what = missing.map(\.phrase).joined(separator: " or ")
        context.errors.write(
          "error: \(model) does not take \(what) (its catalog entry says it reads "
            + entry.inputModalities.joined(separator: ", ")
            + "); choose another with --model (orchat models --image lists image models), "
            + "or send anyway with --force\n")
        return 1
      }
    }
    let (engine, transport) = setup.engine(context: context)
    var options = options
    options.attachmentFiles = files
    let runner = AskRunner(engine: engine, output: context.output, errors: context.errors)
    return await ReplyCommandSetup.runInterruptibly(shuttingDown: transport) { [options] in
      await runner.run(options, agent: agent, sessionID: session?.id)
    }
  }

  /// The files of `--attach`, in order, each checked against the limits with the ones
  /// before it; the first problem ends the reading.
  static func readAttachments(
    _ options: AskOptions, limits: AttachmentLimits, context: AppContext
  ) -> Result<[AttachmentFile], AttachmentProblem> {
    var files: [AttachmentFile] = []
    var total = 0
    let home = context.environment.values["HOME"]
    for path in options.attachments {
      let result: Result<AttachmentFile, AttachmentProblem>
      if path == "-", let data = options.standardInputFile {
        let label = "standard input"
        if let problem = AttachmentReader.check(
          size: data.count, path: label, limits: limits, attachedBytes: total)
        {
          result = .failure(problem)
        } else {
          result = AttachmentReader.attach(data, name: "stdin", path: label).map { file in
            var named = file
            named.attachment.name = "stdin." + file.attachment.preferredExtension
            return named
          }
        }
      } else {
        result = AttachmentReader.read(
          path: AttachmentReader.expand(path, home: home), limits: limits, attachedBytes: total)
      }
      switch result {
      case .success(let file):
        files.append(file)
        total += file.data.count
      case .failure(let problem):
        return .failure(problem)
      }
    }
    return .success(files)
  }

  /// `--agent`, else the agent of the continued session's last reply (the one the user was
  /// talking to), else the session's first agent, else the configured default.
  static func chooseAgent(
    named name: String?, session: Session?, store: SessionStore, agents: AgentCatalog,
    config: AppConfig
  ) async throws -> Agent {
    if let name { return try agents.resolve(name) }
    guard let session else { return try agents.resolve(config.defaultAgent) }
    let lastReply = try await store.transcript(sessionID: session.id).map(\.message)
      .last { $0.role == .assistant && $0.agent != nil }
    let sessionAgent = lastReply?.agent ?? session.agent
    do {
      return try agents.resolve(sessionAgent)
    } catch let error as ChatError {
      throw ChatError(
        error.kind,
        "\(error.userMessage); the session used agent \"\(sessionAgent)\", "
          + "choose one with --agent")
    }
  }
}
