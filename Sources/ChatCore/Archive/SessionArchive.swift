import ChatDomain
import Foundation

/// The JSON export of sessions: lossless, versioned, and importable.
///
/// ```json
/// {"schema_version": 1, "sessions": [{"id", "title", "created_at", "updated_at", "agent",
///   "archived", "messages": [{"id", "role", "content", "reasoning", "agent", "model",
///   "served_model", "provider", "status", "error", "finish_reason", "usage": {"prompt_tokens",
///   "completion_tokens", "total_tokens", "reasoning_tokens", "cached_tokens", "cost",
///   "web_searches", "cache_savings"}, "generation_id", "ttft_ms", "duration_ms", "created_at",
///   "citations": [{"url", "title", "start_index", "end_index"}], "variants": [...]}]}]}
/// ```
///
/// `provider`, `citations`, `web_searches` and `cache_savings` came later than the first
/// exports; a file without them imports as having none (the version stays 1: older orchat
/// reads newer files, leaving those keys aside).
///
/// `messages` is the transcript: the selected message of each position, in order; each one's
/// `variants` holds the other messages of its position (earlier regenerations), oldest first,
/// themselves with empty `variants`. Times are UTC ISO 8601 with milliseconds; `cost` is USD.
/// Every key is always written, absent values as `null`, so the shape is fixed.
public struct SessionArchive: Sendable, Hashable, Codable {
  public static let schemaVersion = 1

  public var schemaVersion: Int
  public var sessions: [ArchivedSession]

  public init(sessions: [ArchivedSession]) {
    schemaVersion = Self.schemaVersion
    self.sessions = sessions
  }

  enum CodingKeys: String, CodingKey {
    case sessions
    case schemaVersion = "schema_version"
  }

  /// Pretty-printed with sorted keys: the same sessions always give the same bytes.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(contentsOf: Array("\n".utf8))
    return data
  }

  /// Decodes an export.
  /// - Throws: `ChatError` of kind `invalidImport` naming what is wrong and where.
  public static func decode(_ data: Data, file: String? = nil) throws -> SessionArchive {
    do {
      return try JSONDecoder().decode(SessionArchive.self, from: data)
    } catch let error as ChatError {
      throw error
    } catch let error as DecodingError {
      throw ChatError.invalidImport(
        "not a valid orchat export: \(ArchiveDecodingProblem.describe(error))", file: file)
    } catch {
      throw ChatError.invalidImport("not a valid orchat export: \(error)", file: file)
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
    guard schemaVersion == Self.schemaVersion else {
      throw ChatError.invalidImport(
        "schema_version \(schemaVersion) is not supported (this orchat reads \(Self.schemaVersion))"
      )
    }
    sessions = try container.decode([ArchivedSession].self, forKey: .sessions)
  }
}

/// A session in an export.
public struct ArchivedSession: Sendable, Hashable, Codable {
  public var id: String
  public var title: String
  public var createdAt: ArchiveTime
  public var updatedAt: ArchiveTime
  public var agent: String
  public var archived: Bool
  public var messages: [ArchivedMessage]

  public init(
    id: String, title: String, createdAt: ArchiveTime, updatedAt: ArchiveTime, agent: String,
    archived: Bool, messages: [ArchivedMessage]
  ) {
    self.id = id
    self.title = title
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.agent = agent
    self.archived = archived
    self.messages = messages
  }

  enum CodingKeys: String, CodingKey {
    case id, title, agent, archived, messages
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }
}
