"""Constants shared by the asyncio modules."""

# After this many failed writes to a closed transport, start logging.
LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5

# After accept() failed for lack of resources, wait this long.
ACCEPT_RETRY_DELAY = 1

# How many frames debug mode records for a callback's origin.
DEBUG_STACK_DEPTH = 10

# Seconds to wait for an SSL handshake and shutdown.
SSL_HANDSHAKE_TIMEOUT = 60.0
SSL_SHUTDOWN_TIMEOUT = 30.0

# Read chunk size for sendfile fallbacks.
SENDFILE_FALLBACK_READBUFFER_SIZE = 1024 * 256

FLOW_CONTROL_HIGH_WATER_SSL_READ = 256  # KiB
FLOW_CONTROL_HIGH_WATER_SSL_WRITE = 512  # KiB

# Seconds to wait for threads of the default executor at shutdown.
THREAD_JOIN_TIMEOUT = 300


class _SendfileMode:
    UNSUPPORTED = 1
    TRY_NATIVE = 2
    FALLBACK = 3
