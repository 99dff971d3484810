import ChatDomain
import Formatting

/// Attachments in the full-screen app: `/attach`, `/detach`, dropped (pasted) paths, the
/// chips above the input, the check against the model, and opening a stored attachment.
/// Reading files is I/O: the reducer asks (`readAttachments`), the runner reads, a typed
/// answer comes back (`attachmentsRead`), and the words are made here.
extension AppReducer {
  /// `/attach PATH…`.
  static func attach(_ state: inout AppState, _ argument: String?) -> [Effect] {
    let paths = PathArguments.split(argument ?? "")
    guard !paths.isEmpty else {
      notify(&state, "Usage: /attach PATH… (Tab completes paths; ~ is your home)", .warning)
      return []
    }
    return readAttachments(&state, paths)
  }

  /// Asks the runner to read `paths`; `attachmentsRead` counts them back down.
  static func readAttachments(_ state: inout AppState, _ paths: [String]) -> [Effect] {
    state.readingAttachments += paths.count
    return [
      .readAttachments(
        paths, attachedBytes: state.pendingAttachmentBytes, limits: state.attachmentLimits)
    ]
  }

  /// `/detach [N]`: removes attachment N (1 is the first chip), or the last one.
  static func detach(_ state: inout AppState, _ number: Int?) -> [Effect] {
    guard !state.pendingAttachments.isEmpty else {
      notify(&state, "Nothing is attached")
      return []
    }
    let index = (number ?? state.pendingAttachments.count) - 1
    guard state.pendingAttachments.indices.contains(index) else {
      notify(
        &state,
        "No attachment \(number ?? 0): there \(state.pendingAttachments.count == 1 ? "is 1" : "are \(state.pendingAttachments.count)")",
        .warning)
      return []
    }
    let removed = state.pendingAttachments.remove(at: index)
    notify(&state, "Removed \(Format.fileName(removed.attachment.name))")
    return []
  }

  /// Backspace at the very start of the input: the last attachment goes.
  static func removeLastAttachment(_ state: inout AppState) {
    _ = detach(&state, nil)
  }

  static func attachmentsRead(
    _ state: inout AppState, _ results: [Result<AttachmentFile, AttachmentProblem>]
  ) -> [Effect] {
    state.readingAttachments = max(0, state.readingAttachments - results.count)
    var added: [Attachment] = []
    var problems: [AttachmentProblem] = []
    for result in results {
      switch result {
      case .success(let file):
        // Checked again here: answers of two `/attach` can cross.
        if let problem = state.attachmentLimits.problem(
          size: file.data.count, path: file.attachment.name,
          attachedBytes: state.pendingAttachmentBytes)
        {
          problems.append(problem)
          continue
        }
        state.pendingAttachments.append(file)
        added.append(file.attachment)
      case .failure(let problem):
        problems.append(problem)
      }
    }
    if let first = problems.first {
      var text = "Not attached: " + first.userMessage
      if problems.count > 1 { text += " (and \(problems.count - 1) more)" }
      if !added.isEmpty {
        text +=
          "; attached \(added.count == 1 ? Format.fileName(added[0].name) : "\(added.count) others")"
      }
      state.banner = Banner(text, kind: .error)
    } else if added.count == 1 {
      notify(&state, "Attached \(AttachmentChip.text(added[0]))")
    } else if !added.isEmpty {
      notify(&state, "Attached \(added.count) files")
    }
    state.focus = .composer
    return []
  }

  /// A paste that is nothing but paths: asks to attach them when every one is a file,
  /// else the text goes into the input as any paste.
  static func pastedPathsChecked(
    _ state: inout AppState, text: String, paths: [String], files: [String]
  ) -> [Effect] {
    guard !paths.isEmpty, files.count == paths.count, state.overlay == nil else {
      insertPaste(&state, text)
      return []
    }
    state.overlay = .confirmAttach(paths: paths, pasted: text)
    return []
  }

  static func insertPaste(_ state: inout AppState, _ text: String) {
    state.focus = .composer
    state.composer.insert(text)
  }

  /// y or Enter attaches the pasted files; n or Esc types the paste in as text; any other
  /// key keeps the question.
  static func confirmAttachKey(
    _ state: inout AppState, paths: [String], pasted: String, _ key: KeyEvent
  ) -> [Effect] {
    switch key.key {
    case .character("y"), .enter:
      state.overlay = nil
      return readAttachments(&state, paths)
    case .character("n"), .escape:
      state.overlay = nil
      insertPaste(&state, pasted)
      return []
    default:
      return []
    }
  }

  /// y or Enter sends anyway; m opens the model picker; anything else goes back to the
  /// input, where the message and its attachments wait.
  static func confirmUnsupportedKey(_ state: inout AppState, _ key: KeyEvent) -> [Effect] {
    state.overlay = nil
    switch key.key {
    case .character("y"), .enter:
      return sendComposer(&state, checked: true)
    case .character("m"):
      return openModelPicker(&state)
    default:
      state.focus = .composer
      return []
    }
  }

  /// What the sentence of the question says is missing.
  public static func unsupportedQuestion(model: String, kinds: [AttachmentKind]) -> String {
    let what = kinds.map(\.phrase).joined(separator: " or ")
    return "\(Format.fileName(model)) does not take \(what). Send anyway?"
  }

  /// The paths Tab found for the word being typed after `/attach`.
  static func pathsCompleted(
    _ state: inout AppState, input: String, word: String, candidates: [String]
  ) -> [Effect] {
    guard state.composer.text == input, !candidates.isEmpty else {
      if state.composer.text == input { notify(&state, "No file matches \(Format.fileName(word))") }
      return []
    }
    let (_, start) = PathArguments.lastWord(input)
    let prefix = String(input[..<start])
    if candidates.count == 1 {
      let only = candidates[0]
      state.composer.set(prefix + PathArguments.quoted(only) + (only.hasSuffix("/") ? "" : " "))
      return []
    }
    let common = commonPrefix(candidates)
    if common.count > word.count { state.composer.set(prefix + PathArguments.quoted(common)) }
    let names = candidates.prefix(12).map { candidate -> String in
      let trimmed = candidate.hasSuffix("/") ? String(candidate.dropLast()) : candidate
      let name = trimmed.split(separator: "/").last.map(String.init) ?? trimmed
      return Format.fileName(name + (candidate.hasSuffix("/") ? "/" : ""), limit: 30)
    }
    notify(&state, names.joined(separator: "  ") + (candidates.count > 12 ? "  …" : ""))
    return []
  }

  /// Enter on a chip of the transcript: the attachment opens.
  static func openSelectedAttachment(_ state: inout AppState) -> [Effect]? {
    guard let index = state.transcript.selection, let chip = state.transcript.selectedAttachment,
      state.transcript.items.indices.contains(index),
      state.transcript.items[index].message.attachments.indices.contains(chip)
    else { return nil }
    return [.openAttachment(state.transcript.items[index].message.attachments[chip])]
  }

  static func attachmentOpened(
    _ state: inout AppState, name: String, _ result: Result<AttachmentOpening, ChatError>
  ) -> [Effect] {
    let shown = Format.fileName(name)
    switch result {
    case .success(let opening):
      if let opener = opening.opener {
        notify(
          &state, "Opened \(shown) with \(opener) (\(Format.fileName(opening.path, limit: 80)))")
      } else {
        state.banner = Banner(
          "\(shown) is at \(Format.fileName(opening.path, limit: 100)) (nothing here opens files)",
          kind: .info)
      }
    case .failure(let error):
      notify(&state, "Could not open \(shown): \(error.userMessage)", .error)
    }
    return []
  }
}
