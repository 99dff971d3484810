/// What the syntax highlighter knows about a language: enough for keywords, strings,
/// comments and numbers, nothing more.
public struct CodeLanguage: Sendable, Hashable {
  /// A string delimiter; `spansLines` strings carry on to the next line until closed.
  struct StringDelimiter: Sendable, Hashable {
    var open: String
    var spansLines: Bool
  }

  public let name: String
  let keywords: Set<String>
  let lineComments: [String]
  let blockComment: (open: String, close: String)?
  /// Longest first, so `"""` is tried before `"`.
  let strings: [StringDelimiter]
  /// `#` starts a comment only at the start of a word (shell: `$#`, `a#b` are not comments).
  let commentsNeedWordStart: Bool
  /// `@name` and `#name` count as keywords (Swift attributes and directives).
  let sigilsAreKeywords: Bool

  public static func == (lhs: CodeLanguage, rhs: CodeLanguage) -> Bool { lhs.name == rhs.name }
  public func hash(into hasher: inout Hasher) { hasher.combine(name) }

  /// The language for a fence's info string (`swift`, `py`, `ts`, `bash`, `json`…), or nil
  /// for anything not highlighted.
  public static func named(_ info: String) -> CodeLanguage? {
    switch info.lowercased() {
    case "swift": .swift
    case "python", "py", "python3": .python
    case "javascript", "js", "jsx", "mjs", "cjs", "typescript", "ts", "tsx", "mts":
      .javaScript
    case "sh", "bash", "shell", "zsh", "console", "shellsession": .shell
    case "json", "jsonc", "json5": .json
    default: nil
    }
  }

  public static let swift = CodeLanguage(
    name: "swift",
    keywords: [
      "actor", "any", "as", "associatedtype", "async", "await", "break", "case", "catch",
      "class", "continue", "default", "defer", "deinit", "do", "else", "enum", "extension",
      "fallthrough", "false", "fileprivate", "for", "func", "guard", "if", "import", "in",
      "init", "inout", "internal", "is", "let", "nil", "nonisolated", "open", "operator",
      "private", "protocol", "public", "repeat", "rethrows", "return", "self", "Self", "some",
      "static", "struct", "subscript", "super", "switch", "throw", "throws", "true", "try",
      "typealias", "var", "where", "while", "mutating", "override", "final", "lazy", "weak",
    ],
    lineComments: ["//"], blockComment: ("/*", "*/"),
    strings: [.init(open: "\"\"\"", spansLines: true), .init(open: "\"", spansLines: false)],
    commentsNeedWordStart: false, sigilsAreKeywords: true)

  public static let python = CodeLanguage(
    name: "python",
    keywords: [
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
      "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
      "if", "import", "in", "is", "lambda", "match", "case", "nonlocal", "not", "or", "pass",
      "raise", "return", "try", "while", "with", "yield", "self",
    ],
    lineComments: ["#"], blockComment: nil,
    strings: [
      .init(open: "\"\"\"", spansLines: true), .init(open: "'''", spansLines: true),
      .init(open: "\"", spansLines: false), .init(open: "'", spansLines: false),
    ],
    commentsNeedWordStart: false, sigilsAreKeywords: false)

  /// JavaScript and TypeScript share one table: TypeScript's extra words do no harm in JS.
  public static let javaScript = CodeLanguage(
    name: "javascript",
    keywords: [
      "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger",
      "default", "delete", "do", "else", "export", "extends", "false", "finally", "for",
      "from", "function", "if", "import", "in", "instanceof", "let", "new", "null", "of",
      "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof",
      "undefined", "var", "void", "while", "with", "yield", "interface", "type", "enum",
      "implements", "private", "protected", "public", "readonly", "as", "declare",
      "namespace", "abstract", "keyof",
    ],
    lineComments: ["//"], blockComment: ("/*", "*/"),
    strings: [
      .init(open: "`", spansLines: true), .init(open: "\"", spansLines: false),
      .init(open: "'", spansLines: false),
    ],
    commentsNeedWordStart: false, sigilsAreKeywords: false)

  public static let shell = CodeLanguage(
    name: "shell",
    keywords: [
      "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case",
      "esac", "in", "function", "return", "export", "local", "readonly", "set", "unset",
      "source", "alias", "echo", "cd", "exit", "sudo",
    ],
    lineComments: ["#"], blockComment: nil,
    strings: [.init(open: "\"", spansLines: false), .init(open: "'", spansLines: false)],
    commentsNeedWordStart: true, sigilsAreKeywords: false)

  public static let json = CodeLanguage(
    name: "json",
    keywords: ["true", "false", "null"],
    lineComments: ["//"], blockComment: ("/*", "*/"),
    strings: [.init(open: "\"", spansLines: false)],
    commentsNeedWordStart: false, sigilsAreKeywords: false)
}
