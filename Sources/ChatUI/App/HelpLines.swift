import ChatDomain

/// The help overlay's text, generated from the key map and the slash commands, laid out
/// for a column `width` wide: keys in a column sized to the longest binding (at most half
/// the width), descriptions wrapped under themselves rather than cut off.
///
/// In ChatUI rather than with the help view because the reducer needs the line count to
/// bound the help's scrolling; the view draws these same lines.
public enum HelpLines {
  /// A titled group of `key  what it does` entries.
  private struct Section {
    var title: String
    var entries: [(key: String, help: String)] = []
  }

  /// The lines, each with its style, for a column `width` wide.
  public static func lines(_ keyMap: KeyMap, width: Int) -> [(String, StyleRole)] {
    var lines: [(String, StyleRole)] = []
    for section in sections(keyMap) {
      lines.append((section.title, .title))
      let longest = section.entries.map { DisplayWidth.width(of: $0.key) }.max() ?? 0
      let keyColumn = max(4, min(longest + 2, width / 2))
      for entry in section.entries {
        lines += wrapped(key: entry.key, help: entry.help, keyColumn: keyColumn, width: width)
      }
    }
    return lines
  }

  /// The key map's bindings by context, then the slash commands.
  private static func sections(_ keyMap: KeyMap) -> [Section] {
    var sections: [Section] = []
    for context in KeyContext.allCases {
      let bindings = keyMap.bindings.filter { $0.context == context }
      guard !bindings.isEmpty else { continue }
      let title =
        switch context {
        case .global: "Anywhere"
        case .composer: "In the input"
        case .transcript: "In the transcript"
        case .compare: "In a compare"
        }
      var section = Section(title: title)
      var seen: [Command] = []
      for binding in bindings where !seen.contains(binding.command) {
        seen.append(binding.command)
        let chords = bindings.filter { $0.command == binding.command }
          .map(\.chord.description).joined(separator: ", ")
        section.entries.append((chords, binding.command.help))
      }
      sections.append(section)
    }
    var commands = Section(title: "Commands (type in the input; Tab completes)")
    for name in SlashCommand.names {
      // "/model [ID]  use a model…": the usage, two spaces, what it does.
      let usage = SlashCommand.usage[name] ?? "/" + name
      let parts = usage.split(separator: "  ", maxSplits: 1).map(String.init)
      commands.entries.append((parts[0], parts.count > 1 ? parts[1] : ""))
    }
    sections.append(commands)
    return sections
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
