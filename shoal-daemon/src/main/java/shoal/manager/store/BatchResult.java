package shoal.manager.store;

import shoal.manager.store.objects.Kind;

/**
 * The outcome of applying one batch, returned as a value to the proposer.
 *
 * @param index the batch's Raft log index
 * @param failure why nothing was written, or null when everything was
 */
record BatchResult(long index, Failure failure) {
  static BatchResult ok(long index) {
    return new BatchResult(index, null);
  }

  static BatchResult failed(long index, Failure failure) {
    return new BatchResult(index, failure);
  }

  enum Code { ALREADY_EXISTS, NAME_IN_USE, NOT_FOUND, VERSION_CONFLICT, INVALID }

  /**
   * @param name the clashing name (NAME_IN_USE)
   * @param expected the version the action carried (VERSION_CONFLICT)
   * @param actual the stored version (VERSION_CONFLICT)
   * @param message what was wrong (INVALID)
   */
  record Failure(Code code, Kind kind, String id, String name, long expected, long actual,
      String message) {
    static Failure of(Code code, Kind kind, String id) {
      return new Failure(code, kind, id, null, 0, 0, null);
    }

    static Failure nameInUse(Kind kind, String id, String name) {
      return new Failure(Code.NAME_IN_USE, kind, id, name, 0, 0, null);
    }

    static Failure conflict(Kind kind, String id, long expected, long actual) {
      return new Failure(Code.VERSION_CONFLICT, kind, id, null, expected, actual, null);
    }

    static Failure invalid(String message) {
      return new Failure(Code.INVALID, null, null, null, 0, 0, message);
    }

    /** The exception the proposer throws. */
    RuntimeException toException() {
      return switch (code) {
        case ALREADY_EXISTS -> new AlreadyExistsException(kind, id, null);
        case NAME_IN_USE -> new AlreadyExistsException(kind, id, name);
        case NOT_FOUND -> new NotFoundException(kind, id);
        case VERSION_CONFLICT -> new VersionConflictException(kind, id, expected, actual);
        case INVALID -> new IllegalArgumentException(message);
      };
    }
  }
}
