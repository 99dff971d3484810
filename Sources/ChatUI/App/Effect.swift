import ChatDomain

/// What the reducer asks the runtime to do. Named as imperatives; values, so tests can
/// compare them. Each I/O effect answers with exactly one typed action (see `Action`).
public enum Effect: Sendable, Hashable {
  /// Send a message through the conversation engine; answers with `.conversation` events
  /// and one `.requestEnded`. `replacing`: the user message it replaces, as a new branch.
  case send(
    RequestID, sessionID: String?, agentName: String, overrides: ConversationOverrides,
    text: String, attachments: [AttachmentFile] = [], replacing: String? = nil)
  /// Ask again for a reply of a session (`replyID`, or a user message to answer again;
  /// `nil`: the last reply); answers as `.send`.
  case regenerate(
    RequestID, sessionID: String, agentName: String, overrides: ConversationOverrides,
    replyID: String? = nil)
  /// Ask `models` at once (`text`, or with `nil` the session's last user message again):
  /// request `ids[i]` is model `i`'s reply, answering as `.send` does, each on its own.
  case compare(
    [RequestID], sessionID: String?, agentName: String, overrides: ConversationOverrides,
    text: String?, models: [String], attachments: [AttachmentFile] = [])
  /// Stop a request; its `.requestEnded` still comes (as cancelled), once the reply is saved.
  case cancel(RequestID)
  /// The bundled and cached catalog; answers with `.catalogLoaded`.
  case loadCatalog
  /// Fetch the live catalog; answers with `.catalogRefreshed`.
  case refreshCatalog
  case loadCredits
  /// Open a session by id, prefix or `last`, on the branch that holds message `showing`
  /// when one is given; answers with `.sessionOpened`.
  case openSession(String, showing: String? = nil)
  case listSessions
  case searchSessions(String)
  case renameSession(id: String, title: String)
  case deleteSession(id: String)
  case exportSession(id: String, format: ExportFormat, path: String)
  /// Store `messageID` as the selected variant at its place; answers with `.variantSaved`.
  case selectVariant(messageID: String)
  /// Store `messageID` as the selected variant and read the active path that now runs
  /// through it; answers with `.branchSwitched`.
  case switchBranch(messageID: String)
  /// Put text on the clipboard (OSC 52, and wl-copy or xclip when present).
  case copy(String, description: String)
  /// Edit text in `$EDITOR`; answers with `.editorFinished`.
  case openEditor(String)
  case changeTheme(String)
  /// Read files to attach (a leading `~` expanded), in order, each within `limits` together
  /// with `attachedBytes` and the files before it; answers with `.attachmentsRead`.
  case readAttachments([String], attachedBytes: Int, limits: AttachmentLimits)
  /// Find which of `paths` (pasted as `text`) are regular files; answers with
  /// `.pastedPathsChecked`.
  case checkPastedPaths(text: String, paths: [String])
  /// List the paths `word` can complete to; answers with `.pathsCompleted`.
  case completePath(input: String, word: String)
  /// Write a stored attachment to a private temporary file and open it; answers with
  /// `.attachmentOpened`.
  case openAttachment(Attachment)
  /// Give the terminal back and stop the process (job control); the loop repaints when it
  /// continues.
  case suspend
  case quit
}
