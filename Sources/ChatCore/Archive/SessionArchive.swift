import ChatDomain
import Foundation

/// The JSON export of sessions: lossless, versioned, and importable.
///
/// ```json
/// {"schema_version": 2, "sessions": [{"id", "title", "created_at", "updated_at", "agent",
///   "archived", "messages": [{"id", "parent_id", "selected", "role", "content", "reasoning",
///   "agent", "model", "served_model", "provider", "status", "error", "finish_reason",
///   "usage": {"prompt_tokens", "completion_tokens", "total_tokens", "reasoning_tokens",
///   "cached_tokens", "cost", "web_searches", "cache_savings"}, "generation_id", "ttft_ms",
///   "duration_ms", "created_at", "citations": [{"url", "title", "start_index", "end_index"}],
///   "variants": [...]}], "branches": [...]}]}
/// ```
///
/// A session's messages form a tree (see `Message`). `messages` is the transcript, the
/// active path: its messages in order, so a reader that knows nothing of branches reads the
/// conversation as shown. Each one's `variants` holds the other messages with the same
/// parent (earlier regenerations, other branches' first messages, compared replies), oldest
/// first, themselves with empty `variants`. `branches` holds every other message: the
/// continuations of the branches that are not shown, by depth then age, each naming its
/// `parent_id` (always a message listed before it) and whether it is the `selected` one at
/// its place. Together they are the whole tree.
///
/// Version 1 had no `parent_id`, `selected` or `branches` (its `messages` followed one
/// another, each position's variants beside them); it still imports. `provider`,
/// `citations`, `web_searches` and `cache_savings` came later than the first exports; a file
/// without them imports as having none.
///
/// Times are UTC ISO 8601 with milliseconds; `cost` is USD. Every key is always written,
/// absent values as `null`, so the shape is fixed.
public struct SessionArchive: Sendable, Hashable, Codable {
  /// The version written.
  public static let schemaVersion = 2
  /// The versions read.
  public static let readableVersions = 1...2

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
    guard Self.readableVersions.contains(schemaVersion) else {
      throw ChatError.invalidImport(
        "schema_version \(schemaVersion) is not supported (this orchat reads "
          + "\(Self.readableVersions.map(String.init).joined(separator: " and ")))")
    }
    sessions = try container.decode([ArchivedSession].self, forKey: .sessions)
  }

  /// Always written as the current version.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(Self.schemaVersion, forKey: .schemaVersion)
    try container.encode(sessions, forKey: .sessions)
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
  /// The active path, each message with its variants.
  public var messages: [ArchivedMessage]
  /// The rest of the tree: messages of the branches not shown (version 2).
  public var branches: [ArchivedMessage]

  public init(
    id: String, title: String, createdAt: ArchiveTime, updatedAt: ArchiveTime, agent: String,
    archived: Bool, messages: [ArchivedMessage], branches: [ArchivedMessage] = []
  ) {
    self.id = id
    self.title = title
    self.createdAt = createdAt
    self.updatedAt = updatedAt
    self.agent = agent
    self.archived = archived
    self.messages = messages
    self.branches = branches
  }

  enum CodingKeys: String, CodingKey {
    case id, title, agent, archived, messages, branches
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    title = try container.decode(String.self, forKey: .title)
    createdAt = try container.decode(ArchiveTime.self, forKey: .createdAt)
    updatedAt = try container.decode(ArchiveTime.self, forKey: .updatedAt)
    agent = try container.decode(String.self, forKey: .agent)
    archived = try container.decode(Bool.self, forKey: .archived)
    messages = try container.decode([ArchivedMessage].self, forKey: .messages)
    branches = try container.decodeIfPresent([ArchivedMessage].self, forKey: .branches) ?? []
  }
}
