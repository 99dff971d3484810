import ChatDomain
import Foundation
import TestSupport
import Testing

@testable import ChatCore

/// Standard output and error as the commands write them: inert on a terminal, exact through
/// a pipe, every byte delivered, a closed reader noticed rather than fatal.
@Suite struct TextOutputTests {
  /// A pipe: (read end, write end).
  func makePipe() throws -> (read: Int32, write: Int32) {
    var descriptors: [Int32] = [-1, -1]
    try #require(pipe(&descriptors) == 0)
    return (descriptors[0], descriptors[1])
  }

  /// Reads `descriptor` to its end on a thread of its own, `pause` between reads.
  func readAll(_ descriptor: Int32, pause: Duration = .zero) async -> [UInt8] {
    await withCheckedContinuation { continuation in
      Thread {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
          let count = read(descriptor, &buffer, buffer.count)
          if count <= 0 { break }
          bytes += buffer[0..<count]
          if pause > .zero { Thread.sleep(forTimeInterval: 0.001) }
        }
        close(descriptor)
        continuation.resume(returning: bytes)
      }.start()
    }
  }

  @Test func aPipeGetsTheBytesUnchanged() async throws {
    let (reader, writer) = try makePipe()
    let output = FileDescriptorOutput(descriptor: writer)
    #expect(!output.isTerminal)
    async let received = readAll(reader)
    output.write(TerminalHazards.sample)
    close(writer)
    #expect(String(decoding: await received, as: UTF8.self) == TerminalHazards.sample)
  }

  @Test func aTerminalGetsItSanitisedEvenWhenASequenceIsSplitBetweenWrites() async throws {
    let (reader, writer) = try makePipe()
    let output = FileDescriptorOutput(descriptor: writer, isTerminal: true)
    async let received = readAll(reader)
    let hazards = Array(TerminalHazards.sample.unicodeScalars)
    for scalar in hazards { output.write(String(scalar)) }
    close(writer)
    #expect(String(decoding: await received, as: UTF8.self) == TerminalHazards.sampleShown)
  }

  /// A descriptor in non-blocking mode (a shell can leave one so) and a slow reader: the
  /// writer waits instead of dropping what did not fit.
  @Test func everyByteArrivesThroughANonBlockingDescriptor() async throws {
    let (reader, writer) = try makePipe()
    _ = fcntl(writer, F_SETFL, fcntl(writer, F_GETFL) | O_NONBLOCK)
    let output = FileDescriptorOutput(descriptor: writer)
    async let received = readAll(reader, pause: .milliseconds(1))
    let text = String(repeating: "0123456789abcdef", count: 65_536)  // 1 MiB
    output.write(text)
    close(writer)
    let bytes = await received
    #expect(bytes.count == text.utf8.count)
    #expect(String(decoding: bytes, as: UTF8.self) == text)
  }

  @Test func aClosedReaderClosesTheOutputInsteadOfEndingTheProcess() throws {
    ProcessSetup.ignoreBrokenPipes()
    let (reader, writer) = try makePipe()
    close(reader)
    let output = FileDescriptorOutput(descriptor: writer)
    #expect(!output.isClosed)
    output.write("nobody reads this")
    #expect(output.isClosed)
    output.write("nor this")
    close(writer)
  }

  /// What orchat composes itself (a theme preview's colours) reaches a terminal as it is;
  /// only text from outside goes through the sanitiser.
  @Test func composedTextKeepsItsOwnControlSequences() {
    let output = MemoryOutput(isTerminal: true)
    output.writeComposed("\u{1B}[38;5;75mblue\u{1B}[0m ")
    output.write("\u{1B}[2Jnot cleared")
    #expect(output.text == "\u{1B}[38;5;75mblue\u{1B}[0m not cleared")
  }
}
