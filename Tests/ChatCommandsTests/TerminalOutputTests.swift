import ChatDomain
import Foundation
import GRDB
import TestSupport
import Testing

@testable import ChatCommands
@testable import ChatCore

/// Every command path that prints stored or served text: on a terminal nothing of
/// `TerminalHazards.sample` but its visible letters arrives; through a pipe every byte does.
@Suite struct TerminalOutputTests {
  static let hostile = TerminalHazards.sample
  let home: OrchatHome

  init() throws {
    home = try OrchatHome()
  }

  /// A context on `home` whose standard output and error are memory, a terminal or not.
  func context(terminal: Bool, answering answer: String? = nil)
    -> (AppContext, output: MemoryOutput, errors: MemoryOutput)
  {
    let output = MemoryOutput(isTerminal: terminal)
    let errors = MemoryOutput(isTerminal: terminal)
    let context = AppContext(
      environment: ProcessEnvironment(values: home.environment), output: output, errors: errors,
      inputIsTerminal: terminal, readLine: { answer })
    return (context, output, errors)
  }

  /// A session whose every stored string is hostile, its title written as an older orchat
  /// could have stored it; and a request-log row with a hostile served model.
  @discardableResult
  func makeHostileSession() async throws -> Session {
    let store = try await home.openStore()
    let hostile = Self.hostile
    let session = try await store.createSession(title: "placeholder", agent: "assistant")
    try await store.pool.write { db in
      try db.execute(
        sql: "UPDATE session SET title = ? WHERE id = ?", arguments: [hostile, session.id])
    }
    _ = try await store.appendUserMessage(
      sessionID: session.id, content: "question " + hostile, agent: "assistant",
      model: "openai/gpt-4o")
    var reply = try await store.startReply(
      sessionID: session.id, agent: "assistant", model: "model" + hostile)
    reply.content = "answer " + hostile
    reply.reasoning = "thought " + hostile
    reply.servedModel = "served" + hostile
    reply.status = .error
    reply.error = "failure " + hostile
    reply.usage = TokenUsage(promptTokens: 3, completionTokens: 4, cost: Decimal(string: "0.001"))
    try await store.finishReply(
      reply,
      log: RequestLogEntry(
        startedAt: Date(), endpoint: "/chat/completions", sessionID: session.id,
        messageID: reply.id, model: reply.model, servedModel: reply.servedModel,
        outcome: .error, durationMilliseconds: 5, usage: reply.usage))
    return try #require(try await store.session(id: session.id))
  }

  /// The terminal got only visible text; the pipe got the hostile bytes unchanged (JSON
  /// escapes the C0 controls itself, so a pipe is checked for the raw bidi override).
  func expectSafe(
    terminal: String, piped: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(TerminalHazards.found(in: terminal).isEmpty, sourceLocation: sourceLocation)
    #expect(!terminal.isEmpty, sourceLocation: sourceLocation)
    #expect(piped.contains("\u{202E}evil\u{200B}x"), sourceLocation: sourceLocation)
  }

  @Test(arguments: TranscriptFormat.allCases)
  func sessionsShow(_ format: TranscriptFormat) async throws {
    let session = try await makeHostileSession()
    let (terminal, shown, _) = context(terminal: true)
    #expect(await SessionsCommandRunner(context: terminal).show(session.id, format: format) == 0)
    let (pipe, piped, _) = context(terminal: false)
    #expect(await SessionsCommandRunner(context: pipe).show(session.id, format: format) == 0)
    expectSafe(terminal: shown.text, piped: piped.text)
    if format != .json { #expect(shown.text.contains("answer " + TerminalHazards.sampleShown)) }
    if format == .json {
      // Still JSON on a terminal, with the hazards gone from its strings.
      let object = try JSONSerialization.jsonObject(with: Data(shown.text.utf8))
      #expect(object is [String: Any])
    }
  }

  @Test(arguments: ExportFormat.allCases)
  func sessionsExportToStandardOutput(_ format: ExportFormat) async throws {
    try await makeHostileSession()
    let (terminal, shown, _) = context(terminal: true)
    #expect(
      await SessionsCommandRunner(context: terminal).export(nil, format: format, outputPath: nil)
        == 0)
    let (pipe, piped, _) = context(terminal: false)
    #expect(
      await SessionsCommandRunner(context: pipe).export(nil, format: format, outputPath: nil) == 0)
    expectSafe(terminal: shown.text, piped: piped.text)
    if format == .json {
      // Through a pipe the export is the bytes a file gets: importable, exact.
      let archive = try SessionArchive.decode(Data(piped.text.utf8), file: "stdin")
      #expect(archive.sessions.first?.messages.last?.content == "answer " + Self.hostile)
    }
  }

  @Test(arguments: [false, true])
  func sessionsList(json: Bool) async throws {
    try await makeHostileSession()
    let (terminal, shown, _) = context(terminal: true)
    #expect(
      await SessionsCommandRunner(context: terminal).list(search: nil, limit: nil, json: json) == 0)
    let (pipe, piped, _) = context(terminal: false)
    #expect(
      await SessionsCommandRunner(context: pipe).list(search: nil, limit: nil, json: json) == 0)
    expectSafe(terminal: shown.text, piped: piped.text)
  }

  @Test func sessionsDeletePromptAndResult() async throws {
    let session = try await makeHostileSession()
    let (asked, _, prompt) = context(terminal: true, answering: "n")
    #expect(await SessionsCommandRunner(context: asked).delete(session.id, confirmed: false) == 1)
    #expect(TerminalHazards.found(in: prompt.text).isEmpty)
    #expect(prompt.text.contains("Delete session"))
    let (terminal, shown, _) = context(terminal: true)
    #expect(await SessionsCommandRunner(context: terminal).delete(session.id, confirmed: true) == 0)
    #expect(TerminalHazards.found(in: shown.text).isEmpty)
    #expect(shown.text.hasPrefix("Deleted session"))
  }

  @Test func sessionsImportMessagesAndErrors() async throws {
    let source = try OrchatHome()
    let store = try await source.openStore()
    _ = try await store.createSession(title: "fine", agent: "assistant")
    let export = try await store.exportAllSessions()
    // A hostile id, repeated: refused, and the error names it.
    var archive = export
    archive.sessions[0].id = Self.hostile
    archive.sessions.append(archive.sessions[0])
    let file = try source.root.write(
      String(decoding: try archive.encoded(), as: UTF8.self), to: "bad.json")
    let (terminal, _, terminalErrors) = context(terminal: true)
    #expect(await SessionsCommandRunner(context: terminal).importFile(file.path) == 1)
    let (pipe, _, pipedErrors) = context(terminal: false)
    #expect(await SessionsCommandRunner(context: pipe).importFile(file.path) == 1)
    expectSafe(terminal: terminalErrors.text, piped: pipedErrors.text)
    // A hostile id imported: the line naming it is safe too.
    archive.sessions.removeLast()
    let good = try source.root.write(
      String(decoding: try archive.encoded(), as: UTF8.self), to: "good.json")
    let (importing, imported, _) = context(terminal: true)
    #expect(await SessionsCommandRunner(context: importing).importFile(good.path) == 0)
    #expect(imported.text.hasPrefix("Imported "))
    #expect(TerminalHazards.found(in: imported.text).isEmpty)
  }

  @Test(arguments: [false, true])
  func models(json: Bool) async throws {
    let hostileModel = ModelSummary(
      id: "evil/model" + Self.hostile, name: "Evil " + Self.hostile,
      description: "desc " + Self.hostile, contextLength: 1000,
      promptPrice: .perToken(Decimal(string: "0.000001")!),
      completionPrice: .perToken(Decimal(string: "0.000002")!))
    let snapshot = CatalogSnapshot(
      fetchedAt: Date(), source: "test", models: [hostileModel])
    try FileManager.default.createDirectory(
      at: home.paths.cache, withIntermediateDirectories: true)
    try snapshot.encoded().write(to: home.paths.modelCache)
    let (terminal, shown, _) = context(terminal: true)
    #expect(await ModelsCommandRunner(context: terminal).run(ModelsOptions(json: json)) == 0)
    let (pipe, piped, _) = context(terminal: false)
    #expect(await ModelsCommandRunner(context: pipe).run(ModelsOptions(json: json)) == 0)
    expectSafe(terminal: shown.text, piped: piped.text)
    if !json { #expect(shown.text.contains("Evil " + TerminalHazards.sampleShown)) }
  }

  @Test(arguments: [false, true])
  func agents(json: Bool) async throws {
    // TOML's \u escapes put the hazards in the agent's description.
    let escaped = Self.hostile.unicodeScalars.map { scalar in
      scalar.value < 0x80 && scalar.value >= 0x20
        ? String(scalar)
        : String(format: scalar.value > 0xFFFF ? "\\U%08X" : "\\u%04X", scalar.value)
    }.joined()
    try home.writeAgent("evil", "description = \"desc \(escaped)\"\nmodel = \"openai/gpt-4o\"\n")
    let (terminal, shown, _) = context(terminal: true)
    #expect(await AgentsCommandRunner(context: terminal).list(json: json) == 0)
    let (pipe, piped, _) = context(terminal: false)
    #expect(await AgentsCommandRunner(context: pipe).list(json: json) == 0)
    expectSafe(terminal: shown.text, piped: piped.text)
    let (showing, shownAgent, _) = context(terminal: true)
    #expect(await AgentsCommandRunner(context: showing).show("evil", json: json) == 0)
    #expect(TerminalHazards.found(in: shownAgent.text).isEmpty)
  }

  @Test(arguments: [false, true])
  func usage(json: Bool) async throws {
    try await makeHostileSession()
    let grouping = UsageGrouping.model
    let (terminal, shown, _) = context(terminal: true)
    #expect(
      await UsageCommandRunner(context: terminal).run(since: nil, by: grouping, json: json) == 0)
    let (pipe, piped, _) = context(terminal: false)
    #expect(await UsageCommandRunner(context: pipe).run(since: nil, by: grouping, json: json) == 0)
    expectSafe(terminal: shown.text, piped: piped.text)
  }

  /// A sequence split between two writes is still removed whole: the output keeps one
  /// sanitiser for the whole stream.
  @Test func aSequenceSplitBetweenWritesIsRemovedWhole() {
    let output = MemoryOutput(isTerminal: true)
    output.write("before \u{1B}]0;pw")
    output.write("ned\u{07} after\u{E0041}")
    #expect(output.text == "before  after")
  }
}
