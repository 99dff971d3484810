import ChatDomain
import Formatting
import Foundation
import Synchronization

/// A place to write text to: standard output or error, or memory in tests.
///
/// The output decides what reaches a terminal, so no command has to: on a terminal every
/// write passes through one streaming `TextSanitizer` (escape sequences, controls, bidi and
/// invisible characters removed, even when a sequence is split between two writes); through
/// a pipe or to a file the bytes pass unchanged. Commands write model text, titles, names and
/// error messages as they are, JSON included.
public protocol TextOutput: Sendable {
  func write(_ text: String)
  /// Writes text orchat composed itself, its own control sequences included (the colours of
  /// a theme preview), exactly as it is, on a terminal too. Never text from outside: what it
  /// quotes (a theme's name) the caller sanitises first (`TextSanitizer.sanitize`).
  func writeComposed(_ text: String)
  /// Whether the output is a terminal (then what is written is sanitised).
  var isTerminal: Bool { get }
  /// Whether the reader has gone (a closed pipe, `orchat ask … | head -1`): what is written
  /// from then on is dropped.
  var isClosed: Bool { get }
}

extension TextOutput {
  public var isClosed: Bool { false }
  public func writeComposed(_ text: String) { write(text) }
}

/// The text a terminal output lets through: one sanitiser for the whole stream, so a
/// sequence split between two writes is still removed whole.
final class TerminalTextFilter: Sendable {
  private let sanitizer = Mutex(TextSanitizer())

  func filter(_ text: String) -> String {
    sanitizer.withLock { $0.feed(text) }
  }
}

/// A file descriptor, written unbuffered so streamed tokens appear at once.
///
/// Every byte is delivered: short writes continue where they stopped, an interrupted or
/// would-block write waits and tries again. A reader that went away (EPIPE; SIGPIPE is
/// ignored, see `ProcessSetup`) closes the output for good, which `isClosed` reports.
public final class FileDescriptorOutput: TextOutput {
  public let descriptor: Int32
  public let isTerminal: Bool
  private let terminalFilter: TerminalTextFilter?
  private let closed = Atomic(false)
  /// Serialises writes, so two tasks never interleave bytes within one write.
  private let writing = Mutex(())

  /// - Parameter isTerminal: Whether to treat the descriptor as a terminal; `nil` asks
  ///   `isatty`.
  public init(descriptor: Int32, isTerminal: Bool? = nil) {
    self.descriptor = descriptor
    let terminal = isTerminal ?? (isatty(descriptor) == 1)
    self.isTerminal = terminal
    terminalFilter = terminal ? TerminalTextFilter() : nil
  }

  public static let standardOutput = FileDescriptorOutput(descriptor: STDOUT_FILENO)
  public static let standardError = FileDescriptorOutput(descriptor: STDERR_FILENO)

  public var isClosed: Bool { closed.load(ordering: .acquiring) }

  public func write(_ text: String) {
    deliver(terminalFilter?.filter(text) ?? text)
  }

  public func writeComposed(_ text: String) {
    deliver(text)
  }

  private func deliver(_ shown: String) {
    writing.withLock { _ in
      guard !isClosed, !shown.isEmpty else { return }
      switch DescriptorWriter.writeAll(Array(shown.utf8), to: descriptor) {
      case .written: break
      case .closed, .failed, .timedOut: closed.store(true, ordering: .releasing)
      }
    }
  }
}

/// Text kept in memory, for tests: a terminal or not, sanitised exactly like
/// `FileDescriptorOutput`.
public final class MemoryOutput: TextOutput {
  public let isTerminal: Bool
  private let terminalFilter: TerminalTextFilter?
  private let buffer = Mutex("")

  public init(isTerminal: Bool) {
    self.isTerminal = isTerminal
    terminalFilter = isTerminal ? TerminalTextFilter() : nil
  }

  public func write(_ text: String) {
    let shown = terminalFilter?.filter(text) ?? text
    buffer.withLock { $0 += shown }
  }

  public func writeComposed(_ text: String) {
    buffer.withLock { $0 += text }
  }

  /// Everything written so far.
  public var text: String { buffer.withLock { $0 } }
}
