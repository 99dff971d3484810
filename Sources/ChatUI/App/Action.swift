import ChatDomain
import Foundation

/// Everything that can happen to the app: the start, input, time, and the typed answers of
/// effects. Named as events.
///
/// Every answer carries a `Result` with a typed error, never a finished sentence: the words a
/// user reads are made by the reducer, so its tests cover them.
public enum Action: Sendable {
  /// The app is on screen; the reducer asks for what it needs (bubbletea's `Init`).
  case appStarted(Launch)

  case key(KeyEvent)
  case paste(String)
  case mouse(MouseEvent)
  case resized(TerminalSize)
  case tick(Date)

  // MARK: - Answers of effects

  case catalogLoaded(ModelCatalog)
  case catalogRefreshed(Result<ModelCatalog, ChatError>)
  /// Credits left on the key (`nil` for a key without a limit).
  case creditsLoaded(Result<Decimal?, ChatError>)
  case sessionsListed(Result<[SessionSummary], ChatError>)
  /// Messages matching `query`, newest first (several per session).
  case sessionsSearched(query: String, Result<[MessageSearchHit], ChatError>)
  /// The session named by `reference` (an id, a prefix of one, or `last`).
  case sessionOpened(reference: String, Result<OpenedSession, ChatError>)
  /// The stored title (normalised) of session `id`.
  case sessionRenamed(id: String, Result<String, ChatError>)
  case sessionDeleted(id: String, Result<Void, ChatError>)
  /// The file written.
  case sessionExported(Result<String, ChatError>)
  /// The variant shown is stored as the selected one.
  case variantSaved(Result<Void, ChatError>)
  /// `messageID` is stored as the selected variant; the session's transcript now.
  case branchSwitched(messageID: String, Result<[TranscriptEntry], ChatError>)
  /// `characters` of `what` went to the clipboard.
  case copied(what: String, characters: Int)
  /// The edited text, or `nil` when the file came back unreadable (the input stays).
  case editorFinished(Result<String?, EditorFailure>)
  /// The theme now on screen, by its own name.
  case themeChanged(Result<String, ThemeError>)
  /// The files `readAttachments` asked for, each read or refused, in order.
  case attachmentsRead([Result<AttachmentFile, AttachmentProblem>])
  /// Which of the paths in a paste (`text`, as pasted) are regular files.
  case pastedPathsChecked(text: String, paths: [String], files: [String])
  /// What `word` (the last word of `input`) can complete to: paths, directories ending in
  /// `/`.
  case pathsCompleted(input: String, word: String, candidates: [String])
  /// An attachment was written to a private file and handed to `opener`, or (no opener, or
  /// none works here) only written.
  case attachmentOpened(name: String, Result<AttachmentOpening, ChatError>)

  // MARK: - Requests for replies

  /// An event of request `id`, at `time`.
  case conversation(RequestID, ConversationEvent, at: Date)
  /// `pieces` content events of request `id` that arrived together, their text joined (the
  /// run loop merges a burst so the reply is laid out once per burst, not once per token);
  /// `at` is the last one's time.
  case contentBurst(RequestID, text: String, pieces: Int, at: Date)
  /// Request `id` ended: its one outcome, after every event; nothing more will come of it.
  case requestEnded(RequestID, ConversationOutcome, at: Date)
}

/// What the command line asked for at start, and what went wrong reading files before the
/// first frame.
public struct Launch: Sendable {
  /// `--session`: an id, a prefix of one, or `last`.
  public var session: String?
  /// `--agent`, when given (an unknown name is reported and the default used).
  public var agent: String?
  /// `--model`: replaces the agent's model for this session.
  public var model: String?
  public var problems: [StartupProblem]

  public init(
    session: String? = nil, agent: String? = nil, model: String? = nil,
    problems: [StartupProblem] = []
  ) {
    self.session = session
    self.agent = agent
    self.model = model
    self.problems = problems
  }
}

/// A file that could not be used at start; the app runs on with defaults.
public enum StartupProblem: Sendable, Hashable {
  /// `config.toml` could not be read; the defaults are used.
  case config(ChatError)
  /// An agent file is broken; the other agents load.
  case agentFile(ChatError)
  /// The theme could not be loaded; the default theme is used.
  case theme(ThemeError)
  /// A `[keys]` binding could not be read; that command keeps its default keys.
  case keyBinding(String)
}

/// A session and its transcript, as the store gives them.
public struct OpenedSession: Sendable {
  public var session: Session
  public var entries: [TranscriptEntry]
  /// What every message of the session cost, on every branch.
  public var totalCost: Decimal?
  /// The message to show (a search hit): the transcript is the branch that holds it.
  public var focus: String?

  public init(
    session: Session, entries: [TranscriptEntry], totalCost: Decimal? = nil, focus: String? = nil
  ) {
    self.session = session
    self.entries = entries
    self.totalCost = totalCost
    self.focus = focus
  }
}

/// Where an attachment was put to be opened, and by what.
public struct AttachmentOpening: Sendable, Hashable {
  public var path: String
  /// `xdg-open` or `open`; `nil` when none is there (or no display to show it on).
  public var opener: String?

  public init(path: String, opener: String?) {
    self.path = path
    self.opener = opener
  }
}

/// Why `$EDITOR` gave nothing back; the input stays as it was.
public enum EditorFailure: Error, Sendable, Hashable {
  /// The draft file could not be written (`reason` is the system's).
  case cannotWriteDraft(path: String, reason: String)
  case cannotStart(editor: String, reason: String)
  /// The editor exited with a failure status.
  case failed(editor: String, status: Int32)
}
