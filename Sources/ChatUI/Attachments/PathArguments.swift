import Foundation

/// File paths typed after `/attach`, or pasted by a terminal when files are dropped on it.
///
/// Paths are separated by whitespace; a path with spaces is quoted (`'my file.png'`,
/// `"my file.png"`) or has its spaces escaped (`my\ file.png`), as shells and terminals write
/// them. `file://` URLs are decoded (`file:///home/me/a%20b.png` → `/home/me/a b.png`). A
/// leading `~` is left for the runner to expand.
public enum PathArguments {
  /// The paths in `text`, in order.
  public static func split(_ text: String) -> [String] {
    tokens(text).map { decodeFileURL($0.text) }
  }

  /// The paths in a pasted text, when the whole paste is nothing but paths (absolute, `~/`
  /// or `file://`), one or more, as a terminal pastes dropped files; `nil` for any other
  /// text, which is typed into the input as usual.
  public static func pastedPaths(_ text: String) -> [String]? {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, trimmed.count <= 16_384 else { return nil }
    let paths = tokens(trimmed)
    guard !paths.isEmpty, paths.count <= 32 else { return nil }
    var result: [String] = []
    for token in paths {
      let path = decodeFileURL(token.text)
      guard path.hasPrefix("/") || path.hasPrefix("~/"), path.count > 1 else { return nil }
      guard !path.contains("\n") else { return nil }
      result.append(path)
    }
    return result
  }

  /// The last word of `text` being typed (what Tab completes) and where it starts, with
  /// its quoting undone; `("", end)` after a space.
  public static func lastWord(_ text: String) -> (word: String, start: String.Index) {
    guard let last = tokens(text).last, last.end == text.endIndex else {
      return ("", text.endIndex)
    }
    return (last.text, last.start)
  }

  /// `path` written so that `split` reads it back: quoted when it has a space, a quote or a
  /// backslash.
  public static func quoted(_ path: String) -> String {
    guard path.contains(where: { $0.isWhitespace || $0 == "'" || $0 == "\"" || $0 == "\\" })
    else { return path }
    return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  // MARK: - Tokens

  struct Token {
    var text: String
    var start: String.Index
    var end: String.Index
  }

  static func tokens(_ text: String) -> [Token] {
    var result: [Token] = []
    var current = ""
    var start: String.Index?
    var quote: Character?
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if let open = quote {
        if character == open {
          quote = nil
        } else if character == "\\", open == "\"", text.index(after: index) < text.endIndex {
          index = text.index(after: index)
          current.append(text[index])
        } else {
          current.append(character)
        }
      } else if character.isWhitespace {
        if let tokenStart = start {
          result.append(Token(text: current, start: tokenStart, end: index))
          current = ""
          start = nil
        }
      } else {
        if start == nil { start = index }
        if character == "'" || character == "\"" {
          quote = character
        } else if character == "\\", text.index(after: index) < text.endIndex {
          index = text.index(after: index)
          current.append(text[index])
        } else {
          current.append(character)
        }
      }
      index = text.index(after: index)
    }
    if let tokenStart = start {
      result.append(Token(text: current, start: tokenStart, end: text.endIndex))
    }
    return result
  }

  /// `file:///a%20b` → `/a b`; `file://localhost/a` → `/a`; other text unchanged.
  static func decodeFileURL(_ text: String) -> String {
    guard text.lowercased().hasPrefix("file://") else { return text }
    var rest = String(text.dropFirst(7))
    if rest.lowercased().hasPrefix("localhost/") { rest = String(rest.dropFirst(9)) }
    guard rest.hasPrefix("/") else { return text }
    return rest.removingPercentEncoding ?? rest
  }
}
