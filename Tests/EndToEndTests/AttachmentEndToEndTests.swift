import ChatDomain
import Foundation
import OpenRouter
import TestSupport
import Testing

/// Attachments with the real binary: `orchat ask -a` against the stub, and the full-screen
/// app under tmux (attach by command and by a pasted path, send, see the chips, quit, reopen).
@Suite(.serialized) struct AttachmentEndToEndTests {
  let home: OrchatHome
  let files: TemporaryDirectory

  init() throws {
    home = try OrchatHome()
    files = try TemporaryDirectory(prefix: "orchat-e2e-files")
  }

  func environment(_ stub: StubOpenRouter) -> [String: String] {
    home.environment(stub: stub, key: "sk-or-v1-e2e")
  }

  @Test func askSendsTheImageAndExitsZero() async throws {
    let stub = try await StubOpenRouter.start()
    let picture = try SampleFiles.write(SampleFiles.png(), named: "picture.png", in: files.url)
    let result = try await BinaryRunner.orchat().run(
      ["ask", "-a", picture, "what is this?"], environment: environment(stub))
    #expect(result.status == 0)
    #expect(result.stdout == "You said: what is this?\n")
    let sent = try #require(stub.chatRequests.first).chatRequest()
    guard case .parts(let parts)? = sent.messages.last?.content else {
      Issue.record("no parts: \(sent.messages)")
      return
    }
    #expect(parts.map(\.type) == ["text", "image_url"])
    #expect(parts[0].text == "what is this?")
    let url = try #require(parts[1].imageURL?.url)
    let payload = try #require(DataURL.parse(url))
    #expect(payload.mediaType == "image/png")
    #expect(Data(base64Encoded: String(payload.base64)) == SampleFiles.png())
    await stub.shutdown()
  }

  @Test func askRefusesBadFilesWithOneLineAndSendsNothing() async throws {
    let stub = try await StubOpenRouter.start()
    let blob = try SampleFiles.write(SampleFiles.blob(), named: "data.bin", in: files.url)
    let orchat = try BinaryRunner.orchat()
    let unknown = try await orchat.run(["ask", "-a", blob, "hi"], environment: environment(stub))
    #expect(unknown.status == 1)
    #expect(
      unknown.stderr
        == "error: \(blob) is binary data of a kind orchat cannot send (images, PDFs, WAV or MP3 "
        + "audio and UTF-8 text can be attached); nothing was sent\n")
    let missing = try await orchat.run(
      ["ask", "-a", files.appending("gone.png").path, "hi"], environment: environment(stub))
    #expect(missing.status == 1)
    #expect(missing.stderr.hasSuffix("gone.png: no such file; nothing was sent\n"))
    let folder = try await orchat.run(
      ["ask", "-a", files.path, "hi"], environment: environment(stub))
    #expect(folder.status == 1)
    #expect(folder.stderr.contains("is a directory"))
    // A text-only model in the catalog: refused unless --force.
    let picture = try SampleFiles.write(SampleFiles.png(), named: "p.png", in: files.url)
    let textOnly = try await orchat.run(
      ["ask", "--model", "deepseek/deepseek-r1", "-a", picture, "hi"],
      environment: environment(stub))
    #expect(textOnly.status == 1)
    #expect(textOnly.stderr.hasPrefix("error: deepseek/deepseek-r1 does not take images"))
    #expect(stub.chatRequests.isEmpty)
    let forced = try await orchat.run(
      ["ask", "--force", "--model", "deepseek/deepseek-r1", "-a", picture, "hi"],
      environment: environment(stub))
    #expect(forced.status == 0)
    #expect(stub.chatRequests.count == 1)
    await stub.shutdown()
  }

  @Test func askAttachesBinaryStandardInputWithDash() async throws {
    let stub = try await StubOpenRouter.start()
    let orchat = try BinaryRunner.orchat()
    let result = try await orchat.run(
      ["ask", "-a", "-", "describe"], environment: environment(stub), stdinData: SampleFiles.jpeg())
    #expect(result.status == 0)
    let sent = try #require(stub.chatRequests.first).chatRequest()
    guard case .parts(let parts)? = sent.messages.last?.content else {
      Issue.record("no parts")
      return
    }
    #expect(
      parts.last?.imageURL?.url == "data:image/jpeg;base64,"
        + SampleFiles.jpeg().base64EncodedString())
    let refused = try await orchat.run(
      ["ask", "describe"], environment: environment(stub), stdinData: SampleFiles.jpeg())
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("attach it with -a -"))
    await stub.shutdown()
  }

  @Test func askSavesTheImagesAModelMakesAndPrintsTheirPaths() async throws {
    let stub = try await StubOpenRouter.start()
    let out = files.appending("out").path
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    let orchat = try BinaryRunner.orchat()
    let result = try await orchat.run(
      [
        "ask", "--model", "google/gemini-2.5-flash-image", "--save-images", out,
        "draw scenario:image",
      ],
      environment: environment(stub))
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "Here is your picture.")
    let path = try #require(lines.last)
    #expect(path.hasPrefix(out + "/orchat-") && path.hasSuffix("-1.png"))
    #expect(FileManager.default.contents(atPath: path) == SampleFiles.png())
    #expect(
      stub.chatRequests.first?.json?["modalities"] == .array([.string("image"), .string("text")]))
    let json = try await orchat.run(
      [
        "ask", "--json", "--model", "google/gemini-2.5-flash-image", "--save-images", out,
        "scenario:image",
      ],
      environment: environment(stub))
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let images = try #require(object?["images"] as? [String])
    #expect(images.count == 1)
    #expect(images.first != path, "a second image never overwrites the first")
    await stub.shutdown()
  }

  @Test func theAppAttachesByCommandAndByPasteAndShowsTheChipsAgainAfterReopening() async throws {
    try #require(TestLocale.pinUTF8())
    let stub = try await StubOpenRouter.start()
    let picture = try SampleFiles.write(SampleFiles.png(), named: "diagram.png", in: files.url)
    let pdf = try SampleFiles.write(SampleFiles.pdf(), named: "spec.pdf", in: files.url)
    let app = try await AppUnderTmux.start(environment: environment(stub))
    defer { app.removeScratch() }
    try await app.tmux.waitForText("Type a message")
    await app.send("/attach \(picture)")
    try await app.tmux.waitForText("▣ diagram.png · 4×3")
    // A terminal pastes a dropped file as its path.
    await app.tmux.paste(pdf)
    try await app.tmux.waitForText("spec.pdf?")
    await app.tmux.sendKeys("y")
    try await app.tmux.waitForText("▤ spec.pdf · 1 page")
    try await app.tmux.waitForText("Message · 2 files")
    await app.send("what are these?")
    try await app.tmux.waitForText("You said: what are these?")
    let screen = await app.tmux.capture()
    #expect(screen.contains { $0.contains("▣ diagram.png · 4×3") })
    #expect(!screen.contains { $0.contains("Message · 2 files") }, "the input's chips are gone")
    let sent = try #require(stub.chatRequests.first).chatRequest()
    guard case .parts(let parts)? = sent.messages.last?.content else {
      Issue.record("no parts: \(sent.messages)")
      return
    }
    #expect(parts.map(\.type) == ["text", "image_url", "file"])
    #expect(sent.plugins == [RequestPlugin(id: "file-parser")])
    await app.tmux.sendKeys("C-c")
    await app.tmux.sendKeys("C-c")
    #expect(try await app.waitForExit() == "exit=0")

    let again = try await AppUnderTmux.start(
      arguments: ["--session", "last"], environment: environment(stub))
    defer { again.removeScratch() }
    try await again.tmux.waitForText("You said: what are these?")
    try await again.tmux.waitForText("▣ diagram.png · 4×3")
    try await again.tmux.waitForText("▤ spec.pdf · 1 page")
    // Enter on a chip: no desktop here, so the app says where the file is.
    await again.tmux.sendKeys("Tab")  // to the transcript
    // Up: the reply, then the message's chips from the lowest.
    await again.tmux.sendKeys("Up")
    await again.tmux.sendKeys("Up")
    await again.tmux.sendKeys("Up")
    try await again.tmux.waitForText("▣ diagram.png · 4×3 · 107 B  · Enter opens")
    await again.tmux.sendKeys("Enter")
    try await again.tmux.waitForText("(nothing here opens files)")
    await again.tmux.sendKeys("C-c")
    await again.tmux.sendKeys("C-c")
    _ = try await again.waitForExit()
    await stub.shutdown()
  }
}
