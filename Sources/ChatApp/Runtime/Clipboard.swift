import ChatDomain
import Foundation
import TerminalBackend

/// Copies text to the clipboard: always by OSC 52 (the terminal's own clipboard, which works
/// over SSH), and also through `wl-copy` or `xclip` when a desktop session has one.
enum Clipboard {
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
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool[0])
    process.arguments = Array(tool.dropFirst())
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
      input.fileHandleForWriting.write(Data(text.utf8))
      try input.fileHandleForWriting.close()
    } catch {
      // OSC 52 already carried the text; the desktop tool is a second chance only.
      return
    }
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
