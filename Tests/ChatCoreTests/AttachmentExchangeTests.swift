import ChatDomain
import Foundation
import OpenRouter
import Synchronization
import TestSupport
import Testing

@testable import ChatCore

/// Attachments through the engine to the stub server (the exact request it captures), into
/// the store, back out with the history, through export and import, and images a model
/// makes.
@Suite struct AttachmentExchangeTests {
  let fixture: StoreFixture
  let files: TemporaryDirectory
  var store: SessionStore { fixture.store }

  init() async throws {
    fixture = try await StoreFixture()
    files = try TemporaryDirectory(prefix: "orchat-files")
  }

  static let agent = Agent(name: "tester", model: "openai/gpt-4o", maxTokens: 100)

  func engine(_ stub: StubOpenRouter, catalog: ModelCatalog? = nil) -> ConversationEngine {
    var engine = ConversationEngine(store: store, client: TestClients.client(for: stub))
    engine.catalog = catalog
    return engine
  }

  func file(_ data: Data, _ name: String) throws -> AttachmentFile {
    let path = try SampleFiles.write(data, named: name, in: files.url)
    return try AttachmentReader.read(path: path, limits: AttachmentLimits()).get()
  }

  func run(_ engine: ConversationEngine, _ turn: ConversationTurn) async
    -> (events: [ConversationEvent], outcome: ConversationOutcome)
  {
    let recorder = EventRecorder()
    let outcome = await engine.run(turn, onEvent: recorder.record)
    return (recorder.events, outcome)
  }

  static func base64(_ data: Data) -> String { data.base64EncodedString() }

  @Test func everyKindGoesOutAsItsOwnPartInTheExactJSON() async throws {
    let stub = try await StubOpenRouter.start()
    let png = SampleFiles.png()
    let jpeg = SampleFiles.jpeg()
    let pdf = SampleFiles.pdf()
    let wav = SampleFiles.wav()
    let source = Data(SampleFiles.swiftSource.utf8)
    let attachments = [
      try file(png, "diagram.png"), try file(jpeg, "photo.jpg"), try file(pdf, "spec.pdf"),
      try file(wav, "voice.wav"), try file(source, "greet.swift"),
    ]
    var agent = Self.agent
    agent.pdfEngine = "mistral-ocr"
    let (_, outcome) = await run(
      engine(stub),
      ConversationTurn(agent: agent, text: "what are these?", attachments: attachments))
    guard case .finished = outcome else {
      Issue.record("not finished: \(outcome)")
      return
    }
    let json = try #require(stub.chatRequests.first?.json)
    let expectedParts: JSONValue = .array([
      .object(["type": .string("text"), "text": .string("what are these?")]),
      .object([
        "type": .string("image_url"),
        "image_url": .object(["url": .string("data:image/png;base64," + Self.base64(png))]),
      ]),
      .object([
        "type": .string("image_url"),
        "image_url": .object(["url": .string("data:image/jpeg;base64," + Self.base64(jpeg))]),
      ]),
      .object([
        "type": .string("file"),
        "file": .object([
          "filename": .string("spec.pdf"),
          "file_data": .string("data:application/pdf;base64," + Self.base64(pdf)),
        ]),
      ]),
      .object([
        "type": .string("input_audio"),
        "input_audio": .object(["data": .string(Self.base64(wav)), "format": .string("wav")]),
      ]),
      .object([
        "type": .string("text"),
        "text": .string("greet.swift:\n```swift\n" + SampleFiles.swiftSource + "```"),
      ]),
    ])
    #expect(
      json["messages"] == .array([.object(["role": .string("user"), "content": expectedParts])]))
    #expect(
      json["plugins"]
        == .array([
          .object([
            "id": .string("file-parser"), "pdf": .object(["engine": .string("mistral-ocr")]),
          ])
        ]))
    #expect(json["modalities"] == nil)
    // The base64 of every part decodes to the file's bytes.
    let parts = try #require(try stub.chatRequests.first?.chatRequest().messages.first?.content)
    guard case .parts(let sent) = parts else {
      Issue.record("not parts")
      return
    }
    #expect(
      sent[1].imageURL.flatMap { DataURL.parse($0.url) }.flatMap {
        Data(base64Encoded: String($0.base64))
      } == png)
    #expect(
      sent[2].imageURL.flatMap { DataURL.parse($0.url) }.flatMap {
        Data(base64Encoded: String($0.base64))
      } == jpeg)
    #expect(
      sent[3].file?.fileData.flatMap(DataURL.parse).flatMap {
        Data(base64Encoded: String($0.base64))
      } == pdf)
    #expect(sent[4].inputAudio?.data.flatMap { Data(base64Encoded: $0) } == wav)
    await stub.shutdown()
  }

  @Test func thePDFEngineComesFromTheAgentElseTheConfigElseOpenRouter() async throws {
    let stub = try await StubOpenRouter.start()
    let pdf = try file(SampleFiles.pdf(), "spec.pdf")
    var engine = engine(stub)
    _ = await run(engine, ConversationTurn(agent: Self.agent, text: "a", attachments: [pdf]))
    engine.defaultPDFEngine = "pdf-text"
    _ = await run(engine, ConversationTurn(agent: Self.agent, text: "b", attachments: [pdf]))
    let plugins = try stub.chatRequests.map { try $0.chatRequest().plugins }
    #expect(plugins[0] == [RequestPlugin(id: "file-parser")])
    #expect(plugins[1] == [.fileParser(pdfEngine: "pdf-text")])
    #expect(
      stub.chatRequests[0].json?["plugins"] == .array([.object(["id": .string("file-parser")])]))
    await stub.shutdown()
  }

  @Test func laterTurnsSendTheAttachmentsAgainAndTheStoreKeepsThem() async throws {
    let stub = try await StubOpenRouter.start()
    let engine = engine(stub)
    let png = try file(SampleFiles.png(), "diagram.png")
    let first = try #require(
      await run(engine, ConversationTurn(agent: Self.agent, text: "look", attachments: [png]))
        .outcome.reply)
    _ = await run(
      engine, ConversationTurn(sessionID: first.sessionID, agent: Self.agent, text: "and?"))
    let second = try stub.chatRequests[1].chatRequest()
    #expect(second.messages.count == 3)
    guard case .parts(let parts)? = second.messages[0].content else {
      Issue.record("the first message lost its attachment: \(second.messages[0])")
      return
    }
    #expect(parts.count == 2)
    #expect(parts[1].imageURL?.url == "data:image/png;base64," + Self.base64(SampleFiles.png()))
    #expect(second.messages[2].content == .text("and?"))
    let transcript = try await store.transcript(sessionID: first.sessionID)
    #expect(transcript[0].message.attachments == [png.attachment])
    #expect(try await store.attachmentData(sha256: png.attachment.sha256) == SampleFiles.png())
    await stub.shutdown()
  }

  @Test func aMessageMayBeOnlyAttachments() async throws {
    let stub = try await StubOpenRouter.start()
    let png = try file(SampleFiles.png(), "diagram.png")
    let (events, outcome) = await run(
      engine(stub), ConversationTurn(agent: Self.agent, text: "", attachments: [png]))
    guard case .finished = outcome, case .started(let session, _, _)? = events.first else {
      Issue.record("not sent: \(outcome)")
      return
    }
    #expect(session.title == "diagram.png")
    let sent = try #require(try stub.chatRequests.first?.chatRequest())
    guard case .parts(let parts)? = sent.messages.first?.content else {
      Issue.record("no parts")
      return
    }
    #expect(parts.map(\.type) == ["image_url"])
    await stub.shutdown()
  }

  @Test func contentIsStoredOnceAndGoesWithItsLastSession() async throws {
    let png = try file(SampleFiles.png(), "a.png")
    var renamed = png
    renamed.attachment.name = "same-bytes.png"
    let wav = try file(SampleFiles.wav(), "tone.wav")
    let one = try await store.createSession(title: "one", agent: "a")
    let two = try await store.createSession(title: "two", agent: "a")
    _ = try await store.appendUserMessage(
      sessionID: one.id, content: "x", agent: "a", model: nil, attachments: [png, wav])
    _ = try await store.appendUserMessage(
      sessionID: one.id, content: "y", agent: "a", model: nil, attachments: [png])
    _ = try await store.appendUserMessage(
      sessionID: two.id, content: "z", agent: "a", model: nil, attachments: [renamed])
    #expect(try await store.storedAttachmentCount() == 2)
    let names = try await store.transcript(sessionID: two.id)[0].message.attachments.map(\.name)
    #expect(names == ["same-bytes.png"])
    try await store.deleteSession(id: one.id)
    #expect(try await store.storedAttachmentCount() == 1)
    #expect(try await store.attachmentData(sha256: png.attachment.sha256) == SampleFiles.png())
    #expect(try await store.attachmentData(sha256: wav.attachment.sha256) == nil)
    try await store.deleteSession(id: two.id)
    #expect(try await store.storedAttachmentCount() == 0)
  }

  @Test func exportImportExportGivesTheSameBytes() async throws {
    let stub = try await StubOpenRouter.start()
    let attachments = [
      try file(SampleFiles.png(), "diagram.png"), try file(SampleFiles.pdf(), "spec.pdf"),
      try file(Data(SampleFiles.swiftSource.utf8), "greet.swift"),
    ]
    let reply = try #require(
      await run(
        engine(stub), ConversationTurn(agent: Self.agent, text: "hi", attachments: attachments)
      )
      .outcome.reply)
    let exported = try await store.exportSessions(ids: [reply.sessionID]).encoded()
    let object = try JSONSerialization.jsonObject(with: exported) as? [String: Any]
    let sessions = object?["sessions"] as? [[String: Any]]
    let messages = sessions?.first?["messages"] as? [[String: Any]]
    let sent = messages?.first?["attachments"] as? [[String: Any]]
    #expect(sent?.count == 3)
    #expect(sent?.first?["name"] as? String == "diagram.png")
    #expect(sent?.first?["media_type"] as? String == "image/png")
    #expect(sent?.first?["size"] as? Int == SampleFiles.png().count)
    #expect(sent?.first?["sha256"] as? String == attachments[0].attachment.sha256)
    #expect(
      (sent?.first?["data"] as? String).flatMap { Data(base64Encoded: $0) } == SampleFiles.png())
    #expect((messages?.last?["attachments"] as? [Any])?.isEmpty == true)

    let elsewhere = try await StoreFixture()
    _ = try await elsewhere.store.importSessions(SessionArchive.decode(exported))
    let again = try await elsewhere.store.exportSessions(ids: [reply.sessionID]).encoded()
    #expect(again == exported)
    #expect(try await elsewhere.store.storedAttachmentCount() == 3)
    await stub.shutdown()
  }

  @Test func anImportWhoseBytesDoNotMatchItsHashIsRefusedWhole() async throws {
    let png = try file(SampleFiles.png(), "a.png")
    let session = try await store.createSession(title: "t", agent: "a")
    _ = try await store.appendUserMessage(
      sessionID: session.id, content: "x", agent: "a", model: nil, attachments: [png])
    var archive = try await store.exportSessions(ids: [session.id])
    try await store.deleteSession(id: session.id)
    archive.sessions[0].messages[0].attachments[0].data = SampleFiles.jpeg().base64EncodedString()
    archive.sessions[0].messages[0].attachments[0].size = SampleFiles.jpeg().count
    await #expect(throws: ChatError.self) { _ = try await store.importSessions(archive) }
    #expect(try await store.listSessions().isEmpty)
    #expect(try await store.storedAttachmentCount() == 0)
  }

  @Test func markdownExportWritesTheFilesBesideAndLinksThem() async throws {
    let png = try file(SampleFiles.png(), "diagram.png")
    let session = try await store.createSession(title: "pictures", agent: "a")
    _ = try await store.appendUserMessage(
      sessionID: session.id, content: "see", agent: "a", model: nil, attachments: [png])
    let messages = try await store.messages(sessionID: session.id)
    let document = files.appending("chat.md").path
    let folder = MarkdownAttachments.folderName(forDocumentAt: document)
    #expect(folder == "chat-files")
    let text = MarkdownTranscript.render(session, messages: messages, attachmentFolder: folder)
    let name = "\(session.id.prefix(8))-1-1-diagram.png"
    #expect(text.contains("![diagram.png](<chat-files/\(name)>)"))
    #expect(
      try await MarkdownAttachments.write(
        messages: [messages], besideDocumentAt: document, store: store)
        == 1)
    let written = files.appending("chat-files/\(name)")
    #expect(try Data(contentsOf: written) == SampleFiles.png())
    let mode =
      try FileManager.default.attributesOfItem(atPath: written.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func anImageModelIsAskedForImagesAndItsPictureIsStoredWithTheReply() async throws {
    let stub = try await StubOpenRouter.start()
    let model = "google/gemini-2.5-flash-image"
    let catalog = ModelCatalog(
      snapshot: CatalogSnapshot(
        fetchedAt: Date(), source: "test",
        models: [
          ModelSummary(
            id: model, name: "Gemini image", promptPrice: .perToken(0.0000003),
            completionPrice: .perToken(0.0000025), inputModalities: ["image", "text"],
            outputModalities: ["image", "text"])
        ]), origin: .live)
    var agent = Self.agent
    agent.model = model
    let (events, outcome) = await run(
      engine(stub, catalog: catalog), ConversationTurn(agent: agent, text: "draw scenario:image"))
    #expect(
      stub.chatRequests.first?.json?["modalities"] == .array([.string("image"), .string("text")]))
    guard case .finished(let reply) = outcome else {
      Issue.record("not finished: \(outcome)")
      return
    }
    let image = try #require(reply.attachments.first)
    #expect(reply.attachments.count == 1)
    #expect(image.kind == .image)
    #expect(image.name == "image-1.png")
    #expect(image.width == 4 && image.height == 3)
    #expect(events.contains(.image(image)))
    #expect(reply.content == "Here is your picture.")
    #expect(try await store.attachmentData(sha256: image.sha256) == SampleFiles.png())
    let stored = try await store.transcript(sessionID: reply.sessionID)
    #expect(stored.last?.message.attachments == [image])
    // Generated images are not sent back with the history.
    _ = await run(
      engine(stub, catalog: catalog),
      ConversationTurn(sessionID: reply.sessionID, agent: agent, text: "thanks"))
    let next = try stub.chatRequests[1].chatRequest()
    #expect(next.messages[1] == .assistant("Here is your picture."))
    await stub.shutdown()
  }

  @Test func aTwoMegabyteImageLineDoesNotHoldUpTheTextBehindIt() async throws {
    let stub = try await StubOpenRouter.start()
    /// The 20 tokens sent after the picture's line (or after an empty delta in its place):
    /// when the first arrived after that delta, and how long all 20 took (the server sends
    /// them 20 ms apart).
    func measure(_ scenario: String) async throws -> (
      first: Duration, spread: Duration, images: Int
    ) {
      let recorder = TimedEventRecorder()
      let outcome = await engine(stub).run(
        ConversationTurn(agent: Self.agent, text: "scenario:\(scenario)"), onEvent: recorder.record)
      guard case .finished(let reply) = outcome else {
        Issue.record("not finished: \(outcome)")
        return (.zero, .zero, 0)
      }
      let events = recorder.events
      let contents = events.indices.filter {
        if case .content = events[$0].event { true } else { false }
      }
      // The first content is the text before the picture; the picture (or nothing) is next.
      let marker =
        events.firstIndex { if case .image = $0.event { true } else { false } } ?? contents[0]
      let after = contents.filter { $0 > marker }
      #expect(after.count == 20)
      let first = events[after[0]].time - events[marker].time
      let spread = events[after[after.count - 1]].time - events[after[0]].time
      return (first, spread, reply.attachments.count)
    }
    let control = try await measure("image-large-control")
    let image = try await measure("image-large")
    #expect(control.images == 0)
    #expect(image.images == 1)
    print(
      "image line: text after a 2 MB picture line: first after \(image.first), 20 tokens over "
        + "\(image.spread); without the picture: first after \(control.first), over \(control.spread)"
    )
    // The text behind the picture keeps the server's pace: no worse than the same stream
    // without the picture, within a margin for a loaded machine.
    #expect(image.spread < control.spread + .seconds(1))
    #expect(image.first < .seconds(1))
    await stub.shutdown()
  }
}

/// Events with the moment they arrived.
final class TimedEventRecorder: Sendable {
  private let storage = Mutex<[(event: ConversationEvent, time: ContinuousClock.Instant)]>([])

  var events: [(event: ConversationEvent, time: ContinuousClock.Instant)] {
    storage.withLock { $0 }
  }

  func record(_ event: ConversationEvent) {
    storage.withLock { $0.append((event, .now)) }
  }
}
