import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatCore

/// Files read and recognised from their bytes, with every refusal.
@Suite struct AttachmentReaderTests {
  let directory: TemporaryDirectory

  init() throws {
    directory = try TemporaryDirectory(prefix: "orchat-attach")
  }

  func write(_ data: Data, _ name: String) throws -> String {
    try SampleFiles.write(data, named: name, in: directory.url)
  }

  func read(_ path: String, limits: AttachmentLimits = AttachmentLimits(), attached: Int = 0)
    -> Result<AttachmentFile, AttachmentProblem>
  {
    AttachmentReader.read(path: path, limits: limits, attachedBytes: attached)
  }

  @Test func eachKindIsRecognisedFromItsBytesWithWhatIsCheapToKnow() throws {
    let png = try #require(try? read(write(SampleFiles.png(width: 4, height: 3), "a.png")).get())
    #expect(png.attachment.kind == .image)
    #expect(png.attachment.mediaType == "image/png")
    #expect(png.attachment.width == 4 && png.attachment.height == 3)
    #expect(png.attachment.name == "a.png")
    #expect(png.data == SampleFiles.png(width: 4, height: 3))

    let jpeg = try #require(try? read(write(SampleFiles.jpeg(), "photo.jpg")).get())
    #expect(jpeg.attachment.mediaType == "image/jpeg")
    #expect(jpeg.attachment.width == 1 && jpeg.attachment.height == 1)

    let pdf = try #require(try? read(write(SampleFiles.pdf(), "spec.pdf")).get())
    #expect(pdf.attachment.kind == .pdf)
    #expect(pdf.attachment.mediaType == "application/pdf")
    #expect(pdf.attachment.pageCount == 1)

    let wav = try #require(try? read(write(SampleFiles.wav(milliseconds: 250), "tone.wav")).get())
    #expect(wav.attachment.kind == .audio)
    #expect(wav.attachment.mediaType == "audio/wav")
    #expect(wav.attachment.durationMilliseconds == 250)

    let source = try #require(
      try? read(write(Data(SampleFiles.swiftSource.utf8), "greet.swift")).get())
    #expect(source.attachment.kind == .text)
    #expect(source.attachment.mediaType == "text/plain")

    #expect(png.attachment.sha256 == AttachmentSniffer.sha256(SampleFiles.png(width: 4, height: 3)))
    #expect(png.attachment.sha256.count == 64)
  }

  @Test func theNameDoesNotDecideTheKind() throws {
    let disguised = try #require(try? read(write(SampleFiles.png(), "notes.txt")).get())
    #expect(disguised.attachment.kind == .image)
    let text = try #require(try? read(write(Data("just text\n".utf8), "fake.png")).get())
    #expect(text.attachment.kind == .text)
  }

  @Test func theKnownSHA256() {
    #expect(
      AttachmentSniffer.sha256(Data("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func everyBadInputIsRefusedWithOneClearLine() throws {
    let missing = directory.appending("nope.png").path
    #expect(read(missing) == .failure(.missing(path: missing)))
    #expect(AttachmentProblem.missing(path: "nope.png").userMessage == "nope.png: no such file")
    #expect(AttachmentProblem.missing(path: missing).userMessage == "\(missing): no such file")
    // A very long path is shortened in the middle; its end, the name, stays.
    let long = "/" + String(repeating: "deep/", count: 50) + "nope.png"
    #expect(
      AttachmentProblem.missing(path: long).userMessage.hasSuffix(
        "…" + long.suffix(80) + ": no such file"))

    let folder = directory.appending("folder").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    #expect(read(folder) == .failure(.directory(path: folder)))

    // A file that cannot be opened is one line with the reason. A symbolic link to itself
    // fails for everyone; a file of mode 000 only for a user other than root (CI is root).
    let loop = directory.appending("loop.png").path
    #expect(symlink(loop, loop) == 0)
    #expect(
      read(loop) == .failure(.unreadable(path: loop, reason: "too many levels of symbolic links")))
    #expect(
      AttachmentProblem.unreadable(path: "loop.png", reason: "too many levels of symbolic links")
        .userMessage == "cannot read loop.png: too many levels of symbolic links")
    let locked = try write(SampleFiles.png(width: 2, height: 2), "locked.png")
    #expect(chmod(locked, 0) == 0)
    if geteuid() != 0 {
      #expect(read(locked) == .failure(.unreadable(path: locked, reason: "permission denied")))
    } else {
      #expect((try? read(locked).get()) != nil)
    }

    let fifo = directory.appending("pipe").path
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(read(fifo) == .failure(.notRegularFile(path: fifo)))

    let blob = try write(SampleFiles.blob(), "data.bin")
    #expect(read(blob) == .failure(.unknownKind(path: blob)))
    #expect(AttachmentProblem.unknownKind(path: blob).userMessage.contains("binary data"))

    let empty = try write(Data(), "empty.txt")
    #expect(read(empty) == .failure(.empty(path: empty)))

    let big = try write(SampleFiles.png(width: 100, height: 100), "big.png")
    let small = AttachmentLimits(fileBytes: 1000, messageBytes: 5000)
    #expect(read(big, limits: small) == .failure(.tooLarge(path: big, bytes: 30_168, limit: 1000)))
    #expect(
      AttachmentProblem.tooLarge(path: "big.png", bytes: 30_168, limit: 1000).userMessage
        == "big.png is 30 KB, over the 1 KB limit per file (max_attachment_mb in config.toml)")

    let png = try write(SampleFiles.png(), "small.png")
    let size = SampleFiles.png().count
    let perMessage = AttachmentLimits(fileBytes: 1000, messageBytes: 1000)
    #expect(
      read(png, limits: perMessage, attached: 1000 - size + 1)
        == .failure(.messageTooLarge(path: png, bytes: 1001, limit: 1000)))
  }

  @Test func namesInMessagesAreShownSafely() {
    let hostile = "/tmp/\u{1B}]2;owned\u{07}evil\u{202E}gnp.exe"
    let line = AttachmentProblem.missing(path: hostile).userMessage
    #expect(!line.contains("\u{1B}"))
    #expect(!line.contains("\u{202E}"))
    #expect(!line.contains("\u{07}"))
  }

  @Test func defaultLimitsAreTwentyAndFiftyMegabytes() throws {
    let limits = AttachmentLimits()
    #expect(limits.fileBytes == 20_000_000)
    #expect(limits.messageBytes == 50_000_000)
    let config = try AppConfig.parse(
      "max_attachment_mb = 5\nmax_message_attachment_mb = 8\npdf_engine = \"mistral-ocr\"\n",
      file: "config.toml", permissions: 0o600)
    #expect(
      config.attachmentLimits == AttachmentLimits(fileBytes: 5_000_000, messageBytes: 8_000_000))
    #expect(config.pdfEngine == "mistral-ocr")
    #expect(throws: ChatError.self) {
      try AppConfig.parse("pdf_engine = \"magic\"\n", file: "config.toml", permissions: 0o600)
    }
  }

  @Test func tildeExpandsToHome() {
    #expect(AttachmentReader.expand("~/a.png", home: "/home/me") == "/home/me/a.png")
    #expect(AttachmentReader.expand("~", home: "/home/me") == "/home/me")
    #expect(AttachmentReader.expand("~other/a.png", home: "/home/me") == "~other/a.png")
    #expect(AttachmentReader.expand("/x/a.png", home: "/home/me") == "/x/a.png")
  }
}
