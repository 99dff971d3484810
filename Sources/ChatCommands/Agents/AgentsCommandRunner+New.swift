import ChatCore
import ChatDomain
import Foundation

extension AgentsCommandRunner {
  /// `agents new NAME [--from AGENT]`: writes `<config>/agents/NAME.toml`, a commented
  /// file that loads as the agent (a copy of AGENT, or the default agent's model and
  /// nothing else), then opens it in `$VISUAL`/`$EDITOR` when standard input and output are
  /// a terminal. An existing file is never overwritten.
  ///
  /// After the editor, the file is read again: a mistake is reported (`error: file:line:
  /// key: …`) with exit status 1, and the file is kept for fixing.
  public func new(_ name: String, from template: String?) async -> Int32 {
    do {
      guard Agent.isValidName(name) else {
        throw ChatError.invalidInput(
          "\"\(name)\" is not a valid agent name (letters, digits, - _ . ; at most 64)")
      }
      let directory = context.paths.agentsDirectory
      let file = directory.appendingPathComponent("\(name).toml")
      if FileManager.default.fileExists(atPath: file.path) {
        throw ChatError.invalidInput(
          "\(file.path) already exists; edit it, or pick another name")
      }
      let catalog = context.loadAgents()
      var agent: Agent
      let origin: String
      if let template {
        agent = try catalog.resolve(template)
        origin =
          agent.source == .builtIn
          ? "copied from the built-in agent \(template)" : "copied from the agent \(template)"
      } else {
        let defaultName = (try? context.loadConfig())?.defaultAgent ?? AppConfig.defaultAgentName
        let model =
          catalog.agent(named: defaultName)?.model ?? catalog.agents.first?.model
          ?? Agent.builtIns[0].model
        agent = Agent(name: name, model: model)
        origin = "made by orchat agents new"
      }
      agent.name = name
      try AppPaths.ensureDirectory(directory)
      let text = AgentFileTemplate.text(for: agent, origin: origin)
      do {
        try Data(text.utf8).write(to: file, options: .withoutOverwriting)
      } catch {
        throw ChatError.storage("cannot write \(file.path): \(FileProblem.reason(error))")
      }
      context.output.write("Created \(file.path)\n")
      guard context.inputIsTerminal, context.output.isTerminal else { return 0 }
      if case .failure(let failure) = EditorLauncher.run(
        file: file, environment: context.environment.values)
      {
        throw ChatError.invalidInput("\(failure.description); the file is kept at \(file.path)")
      }
      _ = try context.loadAgents().resolve(name)
      return 0
    } catch {
      return context.fail(error)
    }
  }
}
