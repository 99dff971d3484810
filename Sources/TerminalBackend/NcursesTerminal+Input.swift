import CNcursesw
import ChatUI
import Glibc

extension NcursesTerminal {
  /// Sleeps in `poll` on the input, the signal pipe and the wake pipe; see
  /// `Terminal.readEvents(timeout:)`.
  public func readEvents(timeout: Duration?) -> [TerminalEvent] {
    var events = drainInput()
    if !events.isEmpty { return events }
    let deadline = timeout.map { ContinuousClock.now + $0 }
    while true {
      var descriptors = [
        pollfd(fd: isInputClosed ? -1 : options.inputDescriptor, events: Int16(POLLIN), revents: 0),
        pollfd(
          fd: options.installsSignalHandlers ? signalDescriptor : -1, events: Int16(POLLIN),
          revents: 0),
        pollfd(fd: wake?.readDescriptor ?? -1, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(
        &descriptors, nfds_t(descriptors.count), PollTimeout.milliseconds(until: deadline))
      if ready < 0 {
        if errno == EINTR { continue }
        return events
      }
      if ready == 0 { return events }
      if descriptors[1].revents & Int16(POLLIN) != 0 {
        events += handleSignals()
      }
      if descriptors[2].revents & Int16(POLLIN) != 0, wake?.drain() == true {
        events.append(.wake)
      }
      let input = descriptors[0].revents
      if input & Int16(POLLIN) != 0 {
        events += drainInput()
      }
      if input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
        isInputClosed = true
        events.append(.inputClosed)
      }
      // Readable input can decode to nothing (an unknown sequence, half a paste): wait on.
      if !events.isEmpty { return events }
    }
  }

  /// Re-reads the terminal size and, when it changed, resizes ncurses' screens; ncurses
  /// then queues `KEY_RESIZE`, which `drainInput` reports as `.resize`.
  func refreshSize() {
    var rows: Int32 = 0
    var columns: Int32 = 0
    guard nc_tty_size(options.outputDescriptor, &rows, &columns) == 0 else { return }
    if is_term_resized(rows, columns) { _ = resizeterm(rows, columns) }
  }

  /// Reads the signal numbers the handlers wrote: SIGWINCH resizes, SIGTSTP asks to stop,
  /// SIGCONT (the process was stopped by something else, SIGSTOP) takes the terminal's modes
  /// back and asks for a full repaint, the others ask to quit.
  private func handleSignals() -> [TerminalEvent] {
    var buffer = [UInt8](repeating: 0, count: 64)
    var events: [TerminalEvent] = []
    var resized = false
    var continued = false
    while true {
      let count = read(signalDescriptor, &buffer, buffer.count)
      guard count > 0 else { break }
      for byte in buffer[0..<count] {
        switch Int32(byte) {
        case SIGWINCH: resized = true
        case SIGCONT: continued = true
        case SIGTSTP: events.append(.suspendRequested)
        default: events.append(.terminationRequested(signal: Int32(byte)))
        }
      }
    }
    if continued {
      resume()
      resized = true
    }
    if resized {
      refreshSize()
      events = drainInput() + events
    }
    // After SIGCONT the screen may hold anything: a `.resize` repaints it all, changed or not.
    if continued, !events.contains(where: { if case .resize = $0 { true } else { false } }) {
      events.insert(.resize(size), at: 0)
    }
    return events
  }

  /// Everything ncurses has for us now (it never blocks: the window is in `nodelay`
  /// mode), decoded.
  func drainInput() -> [TerminalEvent] {
    var batch: [RawInput] = []
    var character: wint_t = 0
    while true {
      let status = wget_wch(window, &character)
      if status == ERR { break }
      guard status == KEY_CODE_YES else {
        batch.append(.character(UInt32(character)))
        continue
      }
      let code = Int32(bitPattern: character)
      switch code {
      case KEY_RESIZE:
        batch.append(.resized(size))
      case KEY_MOUSE:
        var event = MEVENT()
        if getmouse(&event) == OK { batch.append(.mouse(Self.rawMouse(event))) }
      default:
        batch.append(.keyCode(code))
      }
    }
    return decoder.decode(batch)
  }

  private static func rawMouse(_ event: MEVENT) -> RawMouse {
    let bits: [(mmask_t, RawMouse.State)] = [
      (NC_BUTTON1_PRESSED, .leftPressed), (NC_BUTTON1_RELEASED, .leftReleased),
      (NC_BUTTON2_PRESSED, .middlePressed), (NC_BUTTON3_PRESSED, .rightPressed),
      (NC_BUTTON4_PRESSED, .wheelUp), (NC_BUTTON5_PRESSED, .wheelDown),
      (NC_BUTTON_SHIFT, .shift), (NC_BUTTON_CTRL, .control), (NC_BUTTON_ALT, .alt),
    ]
    var state: RawMouse.State = []
    for (mask, flag) in bits where event.bstate & mask != 0 { state.insert(flag) }
    return RawMouse(x: Int(event.x), y: Int(event.y), state: state)
  }
}
