import ChatCore
import ChatDomain
import Foundation
import TerminalBackend

/// Copies text to the clipboard: always by OSC 52 (the terminal's own clipboard, which works
/// over SSH), and also through `wl-copy` or `xclip` when a desktop session has one.
///
/// The reducer has already taken control characters out of the text (`.copy` payloads hold
/// no escape sequence). The helper is fed from a thread of its own, so a helper that reads
/// slowly or not at all never stalls the run loop, and one that exits early only ends the
/// write (EPIPE; SIGPIPE is ignored) instead of killing orchat.
enum Clipboard {
  /// How long a helper may take to read the text before orchat stops feeding it.
  static let helperTimeout: Duration = .seconds(5)

  static func copy(_ text: String, terminal: some Terminal) {
    let encoded = Data(text.utf8).base64EncodedString()
    terminal.sendControlSequence("\u{1b}]52;c;\(encoded)\u{07}")
    let environment = ProcessInfo.processInfo.environment
    let tool: [String]?
    if environment["WAYLAND_DISPLAY"] != nil, let path = executable("wl-copy") {
      tool = [path]
    } else if environment["DISPLAY"] != nil, let path = executable("xclip") {
      tool = [path, "-selection", "clipboard"]
    } else {
      tool = nil
    }
    guard let tool else { return }
    feed(text, to: tool)
  }

  /// Starts `tool` with `text` on its standard input.
  static func feed(_ text: String, to tool: [String]) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool[0])
    process.arguments = Array(tool.dropFirst())
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      // OSC 52 already carried the text; the desktop tool is a second chance only.
      return
    }
    let writer = input.fileHandleForWriting
    _ = fcntl(writer.fileDescriptor, F_SETFL, fcntl(writer.fileDescriptor, F_GETFL) | O_NONBLOCK)
    let bytes = Array(text.utf8)
    let timeout = helperTimeout
    Thread {
      _ = DescriptorWriter.writeAll(
        bytes, to: writer.fileDescriptor, deadline: ContinuousClock.now + timeout)
      try? writer.close()
    }.start()
  }

  static func executable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
