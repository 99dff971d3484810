import ChatDomain

/// The pane that takes keys when no overlay is open.
public enum Focus: Sendable, Hashable {
  case composer
  case transcript
  /// The agent list of the wide layout's side column.
  case agents
  /// The session list of the wide layout's side column.
  case sessions
}

/// A box drawn over the screen that takes every key until it closes.
public enum Overlay: Sendable, Hashable {
  case models
  case agents
  case sessions
  case help
  /// Asks "delete this session?".
  case confirmDelete(sessionID: String, title: String)
  /// Asks for a line of text (a new title, an export path).
  case prompt(PromptState)
  /// Asks "attach these files?" about a paste that was nothing but file paths; no inserts
  /// `pasted` as text.
  case confirmAttach(paths: [String], pasted: String)
  /// Asks whether to send attachments the model does not take (`kinds`), or pick another
  /// model.
  case confirmUnsupported(model: String, kinds: [AttachmentKind])
}

/// A one-line question with its answer being typed.
public struct PromptState: Sendable, Hashable {
  public enum Purpose: Sendable, Hashable {
    case rename(sessionID: String)
    case export(sessionID: String, format: ExportFormat)
  }

  public var purpose: Purpose
  public var title: String
  public var answer: ComposerState

  public init(purpose: Purpose, title: String, answer: String) {
    self.purpose = purpose
    self.title = title
    self.answer = ComposerState(text: answer)
  }
}

/// The formats a session can be exported to.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
  case markdown = "md"
  case json
}

/// Your message being edited: sending puts the new text in its place, as a new branch.
public struct PendingEdit: Sendable, Hashable {
  /// The message replaced (it stays, on its branch).
  public var messageID: String
  /// Its number in the transcript, from 1.
  public var number: Int

  public init(messageID: String, number: Int) {
    self.messageID = messageID
    self.number = number
  }
}
