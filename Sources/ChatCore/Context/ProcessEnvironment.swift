import ChatDomain
import Foundation

/// The process environment, read in one place so commands can be tested with another.
public struct ProcessEnvironment: Sendable {
  public var values: [String: String]

  public init(values: [String: String] = ProcessInfo.processInfo.environment) {
    self.values = values
  }

  /// `OPENROUTER_API_KEY`, when set and not blank.
  public var apiKey: String? {
    values["OPENROUTER_API_KEY"].flatMap {
      $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0
    }
  }

  public var baseURL: String? {
    values["OPENROUTER_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
  }

  public static let malformedKeyMessage =
    "OPENROUTER_API_KEY contains a control character or space; set it again without them"

  public static let missingKeyMessage =
    "no API key: set OPENROUTER_API_KEY (create a key at https://openrouter.ai/keys)"
}
