import ChatCore
import ChatUI

/// The help overlay's text, generated from the key map and the slash commands, laid out
/// for a column `width` wide: keys in a column sized to the longest binding (at most half
/// the width), descriptions wrapped under themselves rather than cut off.
enum HelpLines {
  static func lines(_ keyMap: KeyMap, width: Int) -> [(String, StyleRole)] {
    var entries: [(key: String, help: String)?] = []
    var headings: [Int: String] = [:]
    for context in KeyContext.allCases {
      let bindings = keyMap.bindings.filter { $0.context == context }
      guard !bindings.isEmpty else { continue }
      headings[entries.count] =
        context == .global ? "Anywhere" : context == .composer ? "In the input" : "In the transcript"
      entries.append(nil)
      var seen: [Command] = []
      for binding in bindings where !seen.contains(binding.command) {
        seen.append(binding.command)
        let chords = bindings.filter { $0.command == binding.command }
          .map(\.chord.description).joined(separator: ", ")
        entries.append((chords, binding.command.help))
      }
    }
    headings[entries.count] = "Commands (type in the input; Tab completes)"
    entries.append(nil)
    for name in SlashCommand.names {
      // "/model [ID]  use a model…": the usage, two spaces, what it does.
      let usage = SlashCommand.usage[name] ?? "/" + name
      let parts = usage.split(separator: "  ", maxSplits: 1).map(String.init)
      entries.append((parts[0], parts.count > 1 ? parts[1] : ""))
    }

    var lines: [(String, StyleRole)] = []
    var keyColumn = 4
    for (index, entry) in entries.enumerated() {
      guard let entry else {
        lines.append((headings[index] ?? "", .title))
        keyColumn = keyColumnWidth(of: entries[(index + 1)...], width: width)
        continue
      }
      lines += wrapped(key: entry.key, help: entry.help, keyColumn: keyColumn, width: width)
    }
    return lines
  }

  /// The key column of the section starting at `section`'s first entry: its longest key
  /// plus a gap, at most half the width.
  private static func keyColumnWidth(
    of section: ArraySlice<(key: String, help: String)?>, width: Int
  ) -> Int {
    var longest = 0
    for entry in section {
      guard let entry else { break }
      longest = max(longest, DisplayWidth.width(of: entry.key))
    }
    return max(4, min(longest + 2, width / 2))
  }

  /// One binding: `  key   help…`, the help wrapped at `width` and indented under itself;
  /// a key too long for its column gets a line of its own.
  private static func wrapped(key: String, help: String, keyColumn: Int, width: Int)
    -> [(String, StyleRole)]
  {
    let indent = String(repeating: " ", count: 2 + keyColumn)
    guard !help.isEmpty else { return [("  " + key, .base)] }
    var lines: [(String, StyleRole)] = []
    var first = "  " + key
    let keyWidth = DisplayWidth.width(of: key)
    if keyWidth < keyColumn {
      first += String(repeating: " ", count: keyColumn - keyWidth)
    } else {
      lines.append((first, .base))
      first = indent
    }
    let wrapper = LineWrapper(
      width: max(width, 2 + keyColumn + 8), firstPrefix: [StyledSpan(first, role: .base)],
      restPrefix: [StyledSpan(indent, role: .base)])
    for line in wrapper.wrap([StyledSpan(help, role: .base)]) {
      lines.append(((line.prefix + line.spans).plainText, .base))
    }
    return lines
  }
}
