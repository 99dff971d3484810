import ChatDomain

/// Typed, validated reads of one table of a `TOMLDocument`; every failure is a
/// `ChatError` naming the file, the line and the key.
struct TOMLTableReader {
  let document: TOMLDocument
  /// The table's keys from the root (`[]` for the root, `["provider"]`).
  let path: [String]
  let values: [String: TOMLNode]
  let kind: ChatError.Kind

  init(document: TOMLDocument, kind: ChatError.Kind) {
    self.init(document: document, path: [], values: document.root, kind: kind)
  }

  private init(
    document: TOMLDocument, path: [String], values: [String: TOMLNode], kind: ChatError.Kind
  ) {
    self.document = document
    self.path = path
    self.values = values
    self.kind = kind
  }

  /// An error about `key` of this table, located at the key's line.
  func error(_ key: String, _ message: String) -> ChatError {
    let keyPath = path + [key]
    return ChatError(
      kind, message, file: document.file, line: document.line(of: keyPath),
      key: keyPath.joined(separator: "."))
  }

  /// Refuses keys outside `known`, so a misspelt key is reported instead of ignored.
  func rejectUnknownKeys(_ known: Set<String>) throws {
    if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
      throw error(
        unknown, "unknown key (expected one of: \(known.sorted().joined(separator: ", ")))")
    }
  }

  // MARK: - Values

  func string(_ key: String, allowEmpty: Bool = false) throws -> String? {
    guard let node = values[key] else { return nil }
    guard case .string(let text) = node else { throw mismatch(key, node, "a string") }
    if !allowEmpty && text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw error(key, "must not be empty")
    }
    return text
  }

  /// A string that must be one of `choices`.
  func choice(_ key: String, in choices: [String]) throws -> String? {
    guard let text = try string(key) else { return nil }
    guard choices.contains(text) else {
      throw error(key, "must be one of \(choices.joined(separator: ", ")), not \"\(text)\"")
    }
    return text
  }

  /// A number (integers accepted) within `range`.
  func number(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
    guard let node = values[key] else { return nil }
    let value: Double
    switch node {
    case .float(let number): value = number
    case .integer(let number): value = Double(number)
    default: throw mismatch(key, node, "a number")
    }
    guard range.contains(value) else {
      throw error(
        key, "must be between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound))"
      )
    }
    return value
  }

  func integer(_ key: String, atLeast minimum: Int) throws -> Int? {
    guard let node = values[key] else { return nil }
    guard case .integer(let value) = node else { throw mismatch(key, node, "an integer") }
    guard value >= minimum else { throw error(key, "must be at least \(minimum)") }
    return value
  }

  func boolean(_ key: String) throws -> Bool? {
    guard let node = values[key] else { return nil }
    guard case .boolean(let value) = node else { throw mismatch(key, node, "true or false") }
    return value
  }

  /// An array of non-empty strings.
  func strings(_ key: String) throws -> [String]? {
    guard let node = values[key] else { return nil }
    guard case .array(let items) = node else { throw mismatch(key, node, "an array of strings") }
    return try items.map { item in
      guard case .string(let text) = item, !text.isEmpty else {
        throw error(key, "must be an array of non-empty strings")
      }
      return text
    }
  }

  func table(_ key: String) throws -> TOMLTableReader? {
    guard let node = values[key] else { return nil }
    guard case .table(let table) = node else { throw mismatch(key, node, "a table") }
    return TOMLTableReader(document: document, path: path + [key], values: table, kind: kind)
  }

  private func mismatch(_ key: String, _ node: TOMLNode, _ expected: String) -> ChatError {
    error(key, "must be \(expected), not \(node.typeName)")
  }

  private static func format(_ value: Double) -> String {
    value.rounded() == value ? String(Int(value)) : String(value)
  }
}
