import ChatDomain
import Foundation
import OpenRouter

/// How an attachment goes on the wire (OpenRouter.docc/Multimodal.md).
enum AttachmentParts {
  static func part(for attachment: Attachment, data: Data) -> ContentPart {
    switch attachment.kind {
    case .image:
      return .image(
        url: DataURL.make(mediaType: attachment.mediaType, base64: data.base64EncodedString()))
    case .pdf:
      return .file(
        filename: attachment.name,
        dataURL: DataURL.make(mediaType: attachment.mediaType, base64: data.base64EncodedString()))
    case .audio:
      return .inputAudio(
        base64: data.base64EncodedString(),
        format: attachment.mediaType == "audio/mpeg" ? "mp3" : "wav")
    case .text:
      return .text(textBlock(name: attachment.name, text: String(decoding: data, as: UTF8.self)))
    }
  }

  /// `name:` then the text fenced with the language of the name's extension; the fence is
  /// longer than any run of backticks in the text, so the text cannot close it.
  static func textBlock(name: String, text: String) -> String {
    var longest = 0
    var run = 0
    for character in text {
      if character == "`" {
        run += 1
        longest = max(longest, run)
      } else {
        run = 0
      }
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    let body = text.hasSuffix("\n") ? text : text + "\n"
    return "\(name):\n\(fence)\(language(ofFileNamed: name))\n\(body)\(fence)"
  }

  /// The fence language for a file name, from its extension (`""` when unknown).
  static func language(ofFileNamed name: String) -> String {
    let lowercased = name.lowercased()
    if lowercased == "makefile" { return "make" }
    if lowercased == "dockerfile" { return "dockerfile" }
    guard let dot = lowercased.lastIndex(of: "."), dot != lowercased.startIndex else { return "" }
    let ext = String(lowercased[lowercased.index(after: dot)...])
    return languages[ext] ?? ""
  }

  static let languages: [String: String] = [
    "swift": "swift", "py": "python", "js": "javascript", "mjs": "javascript",
    "ts": "typescript", "tsx": "tsx", "jsx": "jsx", "rs": "rust", "go": "go", "c": "c",
    "h": "c", "cc": "cpp", "cpp": "cpp", "cxx": "cpp", "hpp": "cpp", "m": "objectivec",
    "java": "java", "kt": "kotlin", "kts": "kotlin", "cs": "csharp", "rb": "ruby",
    "php": "php", "pl": "perl", "lua": "lua", "sh": "bash", "bash": "bash", "zsh": "zsh",
    "fish": "fish", "ps1": "powershell", "sql": "sql", "html": "html", "htm": "html",
    "css": "css", "scss": "scss", "xml": "xml", "json": "json", "yaml": "yaml", "yml": "yaml",
    "toml": "toml", "ini": "ini", "md": "markdown", "markdown": "markdown", "tex": "latex",
    "r": "r", "scala": "scala", "hs": "haskell", "ex": "elixir", "exs": "elixir",
    "erl": "erlang", "clj": "clojure", "dart": "dart", "zig": "zig", "nim": "nim",
    "vue": "vue", "svelte": "svelte", "diff": "diff", "patch": "diff", "csv": "csv",
    "txt": "text", "log": "text",
  ]
}
