import Foundation

/// Removes an API key from text, whatever escaping it went through on its way into an error
/// (OpenRouter.docc/Errors.md, The key).
///
/// A key can reach an error text raw (a server echoing it), JSON-escaped, percent-encoded,
/// escaped by a debug description (`\r` as `\\r`), after `Bearer `, or cut short by a
/// length limit. So, in order:
///
/// 1. every spelling of the whole key is replaced;
/// 2. every run of the key's characters that no escaping changes (letters, digits, `-`,
///    `_`, `.`), when it is long enough to be a secret (8 or more), is replaced wherever it
///    occurs, and so is a run of 8 or more of its first characters at the very end of the
///    text or before `…` (a key cut short);
/// 3. any token that looks like an OpenRouter key (`sk-or-…`), and any word of 8 or more
///    characters after `Bearer `, is replaced too, so a key the server made up, or one this
///    client never knew, cannot leak either.
struct SecretRedactor: Sendable {
  static let replacement = "[redacted]"
  /// Runs shorter than this are too common in ordinary text to be replaced on their own.
  static let minimumRun = 8

  private let spellings: [String]
  private let runs: [String]

  init(key: String) {
    // A key of a few characters is no secret, and replacing it would garble ordinary words.
    guard key.count >= Self.minimumRun else {
      spellings = []
      runs = []
      return
    }
    var spellings: Set<String> = [key]
    let json = JSONEncoder()
    if let data = try? json.encode(key) {
      spellings.insert(String(decoding: data.dropFirst().dropLast(), as: UTF8.self))
    }
    json.outputFormatting = .withoutEscapingSlashes
    if let data = try? json.encode(key) {
      spellings.insert(String(decoding: data.dropFirst().dropLast(), as: UTF8.self))
    }
    spellings.insert(String(key.debugDescription.dropFirst().dropLast()))
    var unreserved = CharacterSet.alphanumerics
    unreserved.insert(charactersIn: "-._~")
    for allowed in [
      CharacterSet.alphanumerics, unreserved, .urlQueryAllowed, .urlPathAllowed,
      .urlUserAllowed, .urlPasswordAllowed, .urlFragmentAllowed,
    ] {
      if let encoded = key.addingPercentEncoding(withAllowedCharacters: allowed) {
        spellings.insert(encoded)
      }
    }
    self.spellings = spellings.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    self.runs = Self.safeRuns(of: key).filter { $0.count >= Self.minimumRun }
      .sorted { $0.count > $1.count }
  }

  func redact(_ text: String) -> String {
    var text = text
    for spelling in spellings where text.contains(spelling) {
      text = text.replacingOccurrences(of: spelling, with: Self.replacement)
    }
    for run in runs where text.contains(run) {
      text = text.replacingOccurrences(of: run, with: Self.replacement)
    }
    text = redactCutShort(text)
    return Self.redactTokens(text)
  }

  /// A prefix of a run at the end of the text (or before a trailing `…`): a key cut short.
  private func redactCutShort(_ text: String) -> String {
    guard !runs.isEmpty else { return text }
    var body = Substring(text)
    var ellipsis = ""
    if body.hasSuffix("…") {
      body = body.dropLast()
      ellipsis = "…"
    }
    for run in runs {
      var length = run.count - 1
      while length >= Self.minimumRun {
        if body.hasSuffix(run.prefix(length)) {
          return String(body.dropLast(length)) + Self.replacement + ellipsis
        }
        length -= 1
      }
    }
    return text
  }

  /// The key's runs of characters that JSON, percent-encoding and debug descriptions all
  /// leave unchanged.
  static func safeRuns(of key: String) -> [String] {
    var runs: [String] = []
    var current = ""
    for character in key {
      if isSafe(character) {
        current.append(character)
      } else {
        if !current.isEmpty { runs.append(current) }
        current = ""
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  private static func isSafe(_ character: Character) -> Bool {
    guard character.isASCII, let value = character.asciiValue else { return false }
    return character.isLetter || character.isNumber || value == 0x2D || value == 0x5F
      || value == 0x2E
  }

  // MARK: - Key-shaped tokens

  /// Replaces every `sk-or-…` token and every word after `Bearer `.
  static func redactTokens(_ text: String) -> String {
    guard text.contains("sk-or-") || text.localizedCaseInsensitiveContains("bearer") else {
      return text
    }
    var result = ""
    var rest = Substring(text)
    while let match = nextToken(in: rest) {
      result += rest[rest.startIndex..<match.lowerBound]
      result += replacement
      rest = rest[match.upperBound...]
    }
    result += rest
    return result
  }

  /// The range of the next secret-looking token in `text`.
  private static func nextToken(in text: Substring) -> Range<Substring.Index>? {
    var best: Range<Substring.Index>?
    var searchStart = text.startIndex
    // `sk-or-` not preceded by a letter (`task-or-` is a word), then its token characters.
    while let found = text.range(of: "sk-or-", range: searchStart..<text.endIndex) {
      let boundary =
        found.lowerBound == text.startIndex || !text[text.index(before: found.lowerBound)].isLetter
      if boundary {
        best = found.lowerBound..<tokenEnd(in: text, from: found.upperBound)
        break
      }
      searchStart = found.upperBound
    }
    // `Bearer ` (any case), then a token.
    searchStart = text.startIndex
    while let found = text.range(
      of: "bearer ", options: .caseInsensitive, range: searchStart..<text.endIndex)
    {
      var start = found.upperBound
      while start < text.endIndex, text[start] == " " { start = text.index(after: start) }
      let end = tokenEnd(in: text, from: start)
      // Short words ("Missing bearer token") are not secrets.
      if text.distance(from: start, to: end) >= minimumRun, text[start..<end] != replacement {
        if best == nil || start < best!.lowerBound { best = start..<end }
        break
      }
      searchStart = found.upperBound
    }
    return best
  }

  /// Where a token that starts at `start` ends: at whitespace, a quote, a bracket or a
  /// separator that no key contains.
  private static func tokenEnd(in text: Substring, from start: Substring.Index) -> Substring.Index {
    var end = start
    while end < text.endIndex {
      let character = text[end]
      if character.isWhitespace || "\"'`()[]{}<>,;|…".contains(character) { break }
      if character == "\\" { break }
      end = text.index(after: end)
    }
    return end
  }
}

extension OpenRouterError {
  /// `text` without anything that looks like an API key: `sk-or-…` tokens and the word after
  /// `Bearer `. For text that did not come through a client, which knows its own key and
  /// redacts it in every spelling.
  public static func redactingSecrets(_ text: String) -> String {
    SecretRedactor.redactTokens(text)
  }

  /// A copy with `redactor` applied to every text a server or the transport supplied.
  func redacted(by redactor: SecretRedactor) -> OpenRouterError {
    var error = self
    error.message = redactor.redact(message)
    error.rawBody = rawBody.map(redactor.redact)
    error.providerName = providerName.map(redactor.redact)
    error.errorType = errorType.map(redactor.redact)
    error.providerCode = providerCode.map(redactor.redact)
    if case .string(let text)? = code { error.code = .string(redactor.redact(text)) }
    error.metadata = metadata.map { Self.redact($0, by: redactor) }
    return error
  }

  private static func redact(_ value: JSONValue, by redactor: SecretRedactor) -> JSONValue {
    switch value {
    case .string(let text): return .string(redactor.redact(text))
    case .array(let items): return .array(items.map { redact($0, by: redactor) })
    case .object(let members): return .object(members.mapValues { redact($0, by: redactor) })
    default: return value
    }
  }
}
