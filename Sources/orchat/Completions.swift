import ArgumentParser
import ChatCommands

// The dynamic values of the shell completions (`orchat --generate-completion-script SHELL`).
// The closures run in orchat when the shell asks; `CompletionCandidates` keeps them fast,
// read-only and silent.
extension CompletionKind {
  static var modelIDs: CompletionKind {
    .custom { _, _, prefix in CompletionCandidates.models(prefix: prefix) }
  }

  static var agentNames: CompletionKind {
    .custom { _, _, prefix in CompletionCandidates.agents(prefix: prefix) }
  }

  static var themeNames: CompletionKind {
    .custom { _, _, prefix in CompletionCandidates.themes(prefix: prefix) }
  }

  static var sessionIDs: CompletionKind {
    .custom { _, _, prefix in CompletionCandidates.sessions(prefix: prefix) }
  }
}
