/// One line of `orchat doctor`: what was checked, what was found, and what to do about it.
struct DoctorCheck: Sendable, Hashable, Encodable {
  /// How a check came out. Only `fail` makes `orchat doctor` exit 1.
  enum Status: String, Sendable, Hashable, Encodable {
    /// All is well.
    case pass
    /// Worth fixing, but orchat works (an old catalog, a terminal that will not copy).
    case warn
    /// orchat cannot work as configured (no key, a broken file, a damaged database).
    case fail
    /// A fact without a verdict (not run from a terminal; the endpoint has no `/key`).
    case info

    var symbol: String {
      switch self {
      case .pass: return "✓"
      case .warn: return "!"
      case .fail: return "✗"
      case .info: return "·"
      }
    }
  }

  /// Stable, for `--json` (`api_key`, `endpoint`, …).
  var id: String
  var status: Status
  /// What was found, one line.
  var summary: String
  /// What to do, for `warn` and `fail`.
  var advice: String?

  init(_ id: String, _ status: Status, _ summary: String, advice: String? = nil) {
    self.id = id
    self.status = status
    self.summary = summary
    self.advice = advice
  }

  /// `✓ endpoint: https://… reachable in 120 ms` or `✗ api key: not set; set …`.
  var line: String {
    var text = "\(status.symbol) \(id.replacingOccurrences(of: "_", with: " ")): \(summary)"
    if let advice { text += " — \(advice)" }
    return text
  }

  enum CodingKeys: String, CodingKey {
    case id, status, summary, advice
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(status, forKey: .status)
    try container.encode(summary, forKey: .summary)
    try container.encode(advice, forKey: .advice)
  }
}
