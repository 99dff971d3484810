import ChatDomain
import Foundation

/// The agents available: the built-ins, overridden or joined by the files in
/// `<config>/agents/`.
///
/// A broken file does not stop the others: it is left out and reported in `issues`, and
/// asking for it by name gives its error rather than "not found". A broken file named like a
/// built-in hides the built-in, so the user's intent (override it) is never silently dropped.
public struct AgentCatalog: Sendable {
  /// Sorted by name.
  public private(set) var agents: [Agent]
  /// One error per broken file, naming the file, line and key.
  public private(set) var issues: [ChatError]
  private var brokenNames: [String: ChatError]

  public init(agents: [Agent], issues: [ChatError] = []) {
    self.agents = agents.sorted { $0.name < $1.name }
    self.issues = issues
    brokenNames = [:]
  }

  /// The built-ins plus every `*.toml` in `directory` (a missing directory has none).
  public static func load(from directory: URL) -> AgentCatalog {
    var byName = Dictionary(uniqueKeysWithValues: Agent.builtIns.map { ($0.name, $0) })
    var issues: [ChatError] = []
    var broken: [String: ChatError] = [:]
    let files =
      (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?
      .filter { $0.hasSuffix(".toml") }.sorted() ?? []
    for fileName in files {
      let name = String(fileName.dropLast(".toml".count))
      let path = directory.appendingPathComponent(fileName).path
      do {
        guard Agent.isValidName(name) else {
          throw ChatError(
            .agent, "not a valid agent name (letters, digits, - _ . ; at most 64)", file: path)
        }
        let text: String
        do {
          text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
          throw ChatError(.agent, "cannot read: \(FileProblem.reason(error))", file: path)
        }
        byName[name] = try Agent.parse(text, name: name, file: path)
      } catch let error as ChatError {
        issues.append(error)
        broken[name] = error
        byName[name] = nil
      } catch {
        let problem = ChatError(.agent, String(describing: error), file: path)
        issues.append(problem)
        broken[name] = problem
        byName[name] = nil
      }
    }
    var catalog = AgentCatalog(agents: Array(byName.values), issues: issues)
    catalog.brokenNames = broken
    return catalog
  }

  /// The catalog with `defaults` (the `[provider]` table of `config.toml`) under each
  /// agent's own routing: what a message to each agent is sent with.
  public func applyingProviderDefaults(_ defaults: Agent.ProviderRouting?) -> AgentCatalog {
    guard let defaults, !defaults.isEmpty else { return self }
    var catalog = self
    catalog.agents = agents.map { $0.applyingProviderDefaults(defaults) }
    return catalog
  }

  public func agent(named name: String) -> Agent? {
    agents.first { $0.name == name }
  }

  /// The agent called `name`.
  /// - Throws: the file's own error when its file is broken, else `notFound` listing the
  ///   agents there are.
  public func resolve(_ name: String) throws -> Agent {
    if let agent = agent(named: name) { return agent }
    if let problem = brokenNames[name] { throw problem }
    throw ChatError.notFound(
      "no agent named \"\(name)\" (available: \(agents.map(\.name).joined(separator: ", ")))")
  }
}
