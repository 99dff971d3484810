import ChatDomain
import Foundation
import Testing

@testable import ChatUI

/// Attachments in the reducer: what it asks the runner, how answers land, the words.
@Suite struct AppReducerAttachmentTests {
  static func file(
    _ name: String, kind: AttachmentKind = .image, bytes: Int = 240_000, width: Int? = 1280,
    height: Int? = 720, pages: Int? = nil
  ) -> AttachmentFile {
    let media = kind == .image ? "image/png" : kind == .pdf ? "application/pdf" : "text/plain"
    return AttachmentFile(
      attachment: Attachment(
        sha256: String(repeating: String(name.count % 10), count: 64), name: name,
        mediaType: media, kind: kind, byteCount: bytes, width: kind == .image ? width : nil,
        height: kind == .image ? height : nil, pageCount: pages),
      data: Data(repeating: 7, count: bytes))
  }

  @Test func attachAsksTheRunnerToReadTheQuotedPaths() {
    var state = makeState()
    type("/attach ~/a.png 'my file.pdf' file:///tmp/x%20y.wav", into: &state)
    let effects = apply(&state, enter)
    #expect(
      effects == [
        .readAttachments(
          ["~/a.png", "my file.pdf", "/tmp/x y.wav"], attachedBytes: 0, limits: AttachmentLimits())
      ])
    #expect(state.readingAttachments == 3)
  }

  @Test func readFilesBecomeChipsAndProblemsOneLine() {
    var state = makeState()
    type("/attach a b c", into: &state)
    apply(&state, enter)
    apply(
      &state,
      .attachmentsRead([
        .success(Self.file("diagram.png")), .failure(.missing(path: "b")),
        .success(Self.file("spec.pdf", kind: .pdf, bytes: 1_200_000, pages: 12)),
      ]))
    #expect(state.pendingAttachments.map(\.attachment.name) == ["diagram.png", "spec.pdf"])
    #expect(state.readingAttachments == 0)
    #expect(state.banner?.kind == .error)
    #expect(state.banner?.text == "Not attached: b: no such file; attached 2 others")
    #expect(
      AttachmentChip.text(state.pendingAttachments[0].attachment)
        == "▣ diagram.png · 1280×720 · 240 KB")
    #expect(
      AttachmentChip.text(state.pendingAttachments[1].attachment)
        == "▤ spec.pdf · 12 pages · 1.2 MB")
  }

  @Test func aSecondBatchOverTheMessageLimitIsRefused() {
    var state = makeState()
    state.attachmentLimits = AttachmentLimits(fileBytes: 300_000, messageBytes: 400_000)
    apply(&state, .attachmentsRead([.success(Self.file("one.png"))]))
    apply(&state, .attachmentsRead([.success(Self.file("two.png"))]))
    #expect(state.pendingAttachments.count == 1)
    #expect(
      state.banner?.text
        == "Not attached: with two.png the message would carry 480 KB, over the 400 KB limit per "
        + "message (max_message_attachment_mb in config.toml)")
  }

  @Test func sendingCarriesTheAttachmentsAndClearsTheChips() {
    var state = makeState()
    apply(&state, .attachmentsRead([.success(Self.file("diagram.png"))]))
    type("what is this?", into: &state)
    let effects = apply(&state, enter)
    #expect(
      effects == [
        .send(
          1, sessionID: nil, agentName: "assistant", overrides: .init(), text: "what is this?",
          attachments: [Self.file("diagram.png")])
      ])
    #expect(state.pendingAttachments.isEmpty)
    #expect(state.sendingAttachments.count == 1)
  }

  @Test func aMessageOfOnlyAttachmentsIsSent() {
    var state = makeState()
    apply(&state, .attachmentsRead([.success(Self.file("diagram.png"))]))
    guard case .send(_, _, _, _, let text, let attachments, _)? = apply(&state, enter).first else {
      Issue.record("not sent")
      return
    }
    #expect(text == "")
    #expect(attachments.count == 1)
  }

  @Test func aFailureBeforeTheMessageIsSavedGivesTheAttachmentsBack() {
    var state = makeState()
    apply(&state, .attachmentsRead([.success(Self.file("diagram.png"))]))
    type("hi", into: &state)
    guard case .send(let id, _, _, _, _, _, _)? = apply(&state, enter).first else {
      Issue.record("not sent")
      return
    }
    apply(
      &state,
      .requestEnded(id, .failed(ChatError(.storage, "disk full"), reply: nil), at: referenceDate))
    #expect(state.pendingAttachments.map(\.attachment.name) == ["diagram.png"])
    #expect(state.composer.text == "hi")
  }

  @Test func aModelThatTakesNoImagesAsksFirst() {
    var state = makeState()
    state.catalog = ModelCatalog(
      snapshot: CatalogSnapshot(
        fetchedAt: referenceDate, source: "test",
        models: [
          ModelSummary(id: "text/only", name: "Text only", promptPrice: .perToken(0.000001)),
          ModelSummary(
            id: "vision/model", name: "Vision", promptPrice: .perToken(0.000001),
            inputModalities: ["text", "image"]),
        ]), origin: .live)
    state.overrides.model = "text/only"
    apply(&state, .attachmentsRead([.success(Self.file("diagram.png"))]))
    type("hi", into: &state)
    #expect(apply(&state, enter).isEmpty)
    #expect(state.overlay == .confirmUnsupported(model: "text/only", kinds: [.image]))
    #expect(
      AppReducer.unsupportedQuestion(model: "text/only", kinds: [.image])
        == "text/only does not take images. Send anyway?")
    // Any other key goes back with everything kept.
    apply(&state, .key(.character("x")))
    #expect(state.overlay == nil)
    #expect(state.composer.text == "hi")
    #expect(state.pendingAttachments.count == 1)
    // m opens the model picker; y sends anyway.
    apply(&state, enter)
    apply(&state, .key(.character("m")))
    #expect(state.overlay == .models)
    apply(&state, escape)
    apply(&state, enter)
    guard case .send(_, _, _, _, "hi", let sent, _)? = apply(&state, .key(.character("y"))).first
    else {
      Issue.record("not sent anyway")
      return
    }
    #expect(sent.count == 1)
    // A model that takes images, or one not in the catalog, is sent to at once.
    state.completion = .idle
    state.overrides.model = "vision/model"
    apply(&state, .attachmentsRead([.success(Self.file("diagram.png"))]))
    type("again", into: &state)
    #expect(apply(&state, enter).count == 1)
    state.completion = .idle
    state.overrides.model = "unknown/model"
    apply(&state, .attachmentsRead([.success(Self.file("diagram.png"))]))
    type("again", into: &state)
    #expect(apply(&state, enter).count == 1)
  }

  @Test func detachAndBackspaceAtTheStartRemoveOne() {
    var state = makeState()
    apply(
      &state,
      .attachmentsRead([
        .success(Self.file("a.png")), .success(Self.file("bb.png")), .success(Self.file("ccc.png")),
      ]))
    type("/detach 1", into: &state)
    apply(&state, enter)
    #expect(state.pendingAttachments.map(\.attachment.name) == ["bb.png", "ccc.png"])
    #expect(state.banner?.text == "Removed a.png")
    apply(&state, .key(KeyEvent(.backspace)))
    #expect(state.pendingAttachments.map(\.attachment.name) == ["bb.png"])
    type("x", into: &state)
    apply(&state, .key(KeyEvent(.backspace)))
    #expect(state.pendingAttachments.count == 1, "a backspace that deletes text keeps the files")
    type("/detach 5", into: &state)
    apply(&state, enter)
    #expect(state.banner?.text == "No attachment 5: there is 1")
  }

  @Test func aPasteOfExistingFilePathsAsksToAttachThem() {
    var state = makeState()
    let pasted = "'/home/me/my diagram.png' /home/me/spec.pdf"
    let effects = apply(&state, .paste(pasted))
    #expect(
      effects == [
        .checkPastedPaths(text: pasted, paths: ["/home/me/my diagram.png", "/home/me/spec.pdf"])
      ])
    #expect(state.composer.text == "")
    apply(
      &state,
      .pastedPathsChecked(
        text: pasted, paths: ["/home/me/my diagram.png", "/home/me/spec.pdf"],
        files: ["/home/me/my diagram.png", "/home/me/spec.pdf"]))
    #expect(
      state.overlay
        == .confirmAttach(paths: ["/home/me/my diagram.png", "/home/me/spec.pdf"], pasted: pasted))
    let read = apply(&state, .key(.character("y")))
    #expect(
      read == [
        .readAttachments(
          ["/home/me/my diagram.png", "/home/me/spec.pdf"], attachedBytes: 0,
          limits: AttachmentLimits())
      ])
  }

  @Test func aPasteThatIsNotAllFilesIsText() {
    var state = makeState()
    apply(&state, .paste("see /etc and /nowhere"))
    #expect(state.composer.text == "see /etc and /nowhere")
    apply(&state, .paste(" /tmp/a /tmp/missing"))
    apply(
      &state,
      .pastedPathsChecked(
        text: " /tmp/a /tmp/missing", paths: ["/tmp/a", "/tmp/missing"], files: ["/tmp/a"]))
    #expect(state.overlay == nil)
    #expect(state.composer.text == "see /etc and /nowhere /tmp/a /tmp/missing")
    // No: the paste is typed in.
    var other = makeState()
    apply(&other, .paste("/tmp/a"))
    apply(&other, .pastedPathsChecked(text: "/tmp/a", paths: ["/tmp/a"], files: ["/tmp/a"]))
    apply(&other, .key(.character("n")))
    #expect(other.overlay == nil)
    #expect(other.composer.text == "/tmp/a")
  }

  @Test func pathArgumentsAreReadAsShellsAndTerminalsWriteThem() {
    #expect(PathArguments.split(#"a\ b.png "c d.pdf" 'e'"'"'f'"#) == ["a b.png", "c d.pdf", "e'f"])
    #expect(
      PathArguments.pastedPaths("file:///tmp/a%20b.png\nfile:///tmp/c.png\n") == [
        "/tmp/a b.png", "/tmp/c.png",
      ])
    #expect(PathArguments.pastedPaths("hello world") == nil)
    #expect(PathArguments.pastedPaths("/tmp/a.png and text") == nil)
    #expect(PathArguments.pastedPaths("~/x.png") == ["~/x.png"])
    #expect(PathArguments.quoted("my file.png") == "'my file.png'")
    #expect(PathArguments.split(PathArguments.quoted("it's here.png")) == ["it's here.png"])
  }

  @Test func tabAfterAttachAsksForPathsAndCompletesOne() {
    var state = makeState()
    type("/attach ~/Doc", into: &state)
    let effects = apply(&state, .key(KeyEvent(.tab)))
    #expect(effects == [.completePath(input: "/attach ~/Doc", word: "~/Doc")])
    apply(
      &state, .pathsCompleted(input: "/attach ~/Doc", word: "~/Doc", candidates: ["~/Documents/"]))
    #expect(state.composer.text == "/attach ~/Documents/")
    apply(
      &state,
      .pathsCompleted(
        input: "/attach ~/Documents/", word: "~/Documents/",
        candidates: ["~/Documents/report one.pdf", "~/Documents/report two.pdf"]))
    #expect(state.composer.text == "/attach '~/Documents/report '")
    #expect(state.banner?.text == "report one.pdf  report two.pdf")
  }

  @Test func imagesAModelMakesJoinTheReply() {
    var state = makeState()
    let id = startReply(&state)
    let image = Self.file("image-1.png").attachment
    apply(&state, .conversation(id, .image(image), at: referenceDate))
    let item = state.transcript.items.last
    #expect(item?.message.attachments == [image])
    #expect(state.transcript.visibleText.contains("·attachment 0·"))
  }

  @Test func enterOnAChipOpensIt() {
    var state = makeState()
    var user = message("u1", .user, "look", position: 0)
    user.attachments = [
      Self.file("a.png").attachment, Self.file("spec.pdf", kind: .pdf).attachment,
    ]
    apply(
      &state,
      .sessionOpened(
        reference: "s1",
        .success(OpenedSession(session: session(), entries: [TranscriptEntry(message: user)]))))
    state.focus = .transcript
    apply(&state, .key(KeyEvent(.up)))
    #expect(state.transcript.selection == 0)
    #expect(state.transcript.selectedAttachment == 1)
    apply(&state, .key(KeyEvent(.up)))
    #expect(state.transcript.selectedAttachment == 0)
    #expect(apply(&state, enter) == [.openAttachment(user.attachments[0])])
    apply(&state, .key(KeyEvent(.up)))
    #expect(state.transcript.selectedAttachment == nil)
    apply(
      &state,
      .attachmentOpened(
        name: "a.png", .success(AttachmentOpening(path: "/tmp/o/a.png", opener: nil))))
    #expect(state.banner?.text == "a.png is at /tmp/o/a.png (nothing here opens files)")
  }

  @Test func theMeterAndTheEstimateCountPendingAttachments() {
    var state = makeState()
    state.catalog = ModelCatalog(
      snapshot: CatalogSnapshot(
        fetchedAt: referenceDate, source: "test",
        models: [
          ModelSummary(
            id: "openai/gpt-5-mini", name: "m", contextLength: 400_000,
            promptPrice: .perToken(Decimal(string: "0.000001")!),
            inputModalities: ["text", "image"])
        ]), origin: .live)
    #expect(state.contextUsed == nil)
    apply(&state, .attachmentsRead([.success(Self.file("diagram.png"))]))
    // 1280×720 is scaled to 1568 wide at most and 1.15 megapixels: about 1229 tokens.
    let tokens = AttachmentEstimate.tokens(Self.file("diagram.png").attachment)
    #expect(tokens == 1229)
    #expect(state.contextUsed == tokens)
    #expect(state.pendingAttachmentCost == Decimal(tokens) * Decimal(string: "0.000001")!)
    let pdf = Self.file("spec.pdf", kind: .pdf, pages: 3).attachment
    #expect(
      AttachmentEstimate.cost([pdf], model: state.modelSummary, pdfEngine: "mistral-ocr")
        == Decimal(2400) * Decimal(string: "0.000001")! + Decimal(3) * Decimal(string: "0.002")!)
  }
}
