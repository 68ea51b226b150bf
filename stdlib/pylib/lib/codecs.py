"""codecs -- Python Codec Registry, API and helpers (gilpy's codecs module).

The text codecs are the VM's own (the ones str.encode and bytes.decode
use); _codecs gives their canonical names, runs them, and keeps the
registries of search functions and error handlers. The bytes-to-bytes and
str-to-str codecs (hex, base64, rot13) are written here.
"""

import builtins as _builtins
import _codecs
from _codecs import (register, unregister, register_error, lookup_error,
                     strict_errors, ignore_errors, replace_errors,
                     backslashreplace_errors, xmlcharrefreplace_errors,
                     namereplace_errors)

__all__ = ["register", "lookup", "open", "EncodedFile",
           "BOM", "BOM_BE", "BOM_LE", "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE",
           "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE",
           "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE",
           "CodecInfo", "Codec", "IncrementalEncoder", "IncrementalDecoder",
           "StreamReader", "StreamWriter",
           "StreamReaderWriter", "StreamRecoder",
           "getencoder", "getdecoder", "getincrementalencoder",
           "getincrementaldecoder", "getreader", "getwriter",
           "encode", "decode", "iterencode", "iterdecode",
           "strict_errors", "ignore_errors", "replace_errors",
           "xmlcharrefreplace_errors",
           "backslashreplace_errors", "namereplace_errors",
           "register_error", "lookup_error"]

# Byte order marks (this is a little-endian machine).
BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
BOM = BOM_UTF16 = BOM_UTF16_LE
BOM_UTF32 = BOM_UTF32_LE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE


class CodecInfo(tuple):
    """Codec details when looking up the codec registry"""

    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % \
            (self.__class__.__module__, self.__class__.__qualname__,
             self.name, id(self))


class Codec:
    """Defines the interface for stateless encoders/decoders."""

    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder(object):
    """Encodes an input in multiple steps."""

    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class BufferedIncrementalEncoder(IncrementalEncoder):
    """An IncrementalEncoder that keeps what it could not encode yet."""

    def __init__(self, errors='strict'):
        IncrementalEncoder.__init__(self, errors)
        self.buffer = ""

    def _buffer_encode(self, input, errors, final):
        raise NotImplementedError

    def encode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_encode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalEncoder.reset(self)
        self.buffer = ""

    def getstate(self):
        return self.buffer or 0

    def setstate(self, state):
        self.buffer = state or ""


class IncrementalDecoder(object):
    """Decodes an input in multiple steps."""

    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """An IncrementalDecoder that keeps the start of an incomplete
    character until more input arrives."""

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


class StreamWriter(Codec):

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors

    def write(self, object):
        data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        self.write(''.join(list))

    def reset(self):
        pass

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        if whence == 0 and offset == 0:
            self.reset()

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReader(Codec):

    charbuffertype = str

    def __init__(self, stream, errors='strict'):
        self.stream = stream
        self.errors = errors
        self.bytebuffer = b""
        self.charbuffer = self._empty_charbuffer = self.charbuffertype()

    def decode(self, input, errors='strict'):
        raise NotImplementedError

    def read(self, size=-1, chars=-1, firstline=False):
        while chars < 0 or len(self.charbuffer) < chars:
            newdata = self.stream.read() if size < 0 else self.stream.read(size)
            data = self.bytebuffer + newdata
            if not data:
                break
            newchars, consumed = self.decode(data, self.errors)
            self.bytebuffer = data[consumed:]
            self.charbuffer += newchars
            if not newdata:
                break
            if size < 0 and chars < 0:
                continue
        if chars < 0:
            result, self.charbuffer = self.charbuffer, self._empty_charbuffer
        else:
            result, self.charbuffer = self.charbuffer[:chars], self.charbuffer[chars:]
        return result

    def readline(self, size=None, keepends=True):
        while True:
            lines = self.charbuffer.splitlines(keepends=True)
            if len(lines) > 1 or (lines and lines[0].endswith(("\n", "\r")) and not lines[0].endswith("\r")):
                line = lines[0]
                self.charbuffer = self.charbuffer[len(line):]
                return line if keepends else line.splitlines(keepends=False)[0]
            data = self.stream.read(72)
            if not data:
                line, self.charbuffer = self.charbuffer, self._empty_charbuffer
                return line if keepends or not line else line.splitlines(keepends=False)[0]
            data = self.bytebuffer + data
            newchars, consumed = self.decode(data, self.errors)
            self.bytebuffer = data[consumed:]
            self.charbuffer += newchars

    def readlines(self, sizehint=None, keepends=True):
        return self.read().splitlines(keepends)

    def reset(self):
        self.bytebuffer = b""
        self.charbuffer = self._empty_charbuffer

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reset()

    def __next__(self):
        line = self.readline()
        if line:
            return line
        raise StopIteration

    def __iter__(self):
        return self

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReaderWriter:
    """Wraps a stream with a reader and a writer of one codec."""

    encoding = 'unknown'

    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def __next__(self):
        return next(self.reader)

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


StreamRecoder = StreamReaderWriter


### The built-in text codecs

_PY_NAMES = {"latin-1": "iso8859-1", "unicode_escape": "unicode-escape",
             "raw_unicode_escape": "raw-unicode-escape"}


def _text_codec(canonical):
    name = _PY_NAMES.get(canonical, canonical)
    fname = name.replace("-", "_").replace("iso8859_1", "latin_1")

    def encode(input, errors='strict'):
        return _codecs._encode(fname + "_encode", input, canonical, errors)

    def decode(input, errors='strict'):
        return _codecs._decode(fname + "_decode", input, canonical, errors, True)

    # utf-16 and utf-32 write and read a byte order mark once per stream;
    # after it the little-endian (or marked) form continues.
    first_enc = canonical
    rest_enc = canonical + "-le" if canonical in ("utf-16", "utf-32") else canonical

    class _IncrementalEncoder(IncrementalEncoder):
        def __init__(self, errors='strict'):
            IncrementalEncoder.__init__(self, errors)
            self._started = False

        def encode(self, input, final=False):
            enc = rest_enc if self._started else first_enc
            if canonical == "utf-8-sig" and self._started:
                enc = "utf-8"
            self._started = self._started or bool(input)
            return _codecs._encode(fname + "_encode", input, enc, self.errors)[0]

        def reset(self):
            self._started = False

        def getstate(self):
            return 2 if not self._started else 0

        def setstate(self, state):
            self._started = not state

    class _IncrementalDecoder(BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            BufferedIncrementalDecoder.__init__(self, errors)
            self._enc = None

        def _buffer_decode(self, input, errors, final):
            enc = self._enc
            if enc is None:
                enc, skip = _detect_bom(canonical, input, final)
                if enc is None:
                    return ("", 0)
                self._enc = enc
                input = input[skip:]
                text, consumed = _codecs._decode(fname + "_decode", input, enc, errors, final)
                return text, consumed + skip
            return _codecs._decode(fname + "_decode", input, enc, errors, final)

        def reset(self):
            BufferedIncrementalDecoder.reset(self)
            self._enc = None

    class _StreamWriter(StreamWriter):
        def __init__(self, stream, errors='strict'):
            StreamWriter.__init__(self, stream, errors)
            self._encoder = _IncrementalEncoder(errors)

        def encode(self, input, errors='strict'):
            data = self._encoder.encode(input)
            return data, len(input)

    class _StreamReader(StreamReader):
        def __init__(self, stream, errors='strict'):
            StreamReader.__init__(self, stream, errors)
            self._decoder = _IncrementalDecoder(errors)

        def decode(self, input, errors='strict'):
            text = self._decoder.decode(input)
            consumed = len(input) - len(self._decoder.buffer)
            self._decoder.buffer = b""
            return text, consumed

    return CodecInfo(name=name, encode=encode, decode=decode,
                     incrementalencoder=_IncrementalEncoder,
                     incrementaldecoder=_IncrementalDecoder,
                     streamwriter=_StreamWriter, streamreader=_StreamReader)


def _detect_bom(canonical, data, final):
    # The codec and the number of BOM bytes to skip for the first chunk of
    # a stream, or (None, 0) while too little has arrived to tell.
    if canonical == "utf-8-sig":
        if len(data) < 3 and BOM_UTF8.startswith(data) and not final:
            return None, 0
        return "utf-8", 3 if data.startswith(BOM_UTF8) else 0
    if canonical == "utf-16":
        if len(data) < 2 and not final:
            return None, 0
        if data.startswith(BOM_UTF16_BE):
            return "utf-16-be", 2
        return "utf-16-le", 2 if data.startswith(BOM_UTF16_LE) else 0
    if canonical == "utf-32":
        if len(data) < 4 and not final:
            return None, 0
        if data.startswith(BOM_UTF32_BE):
            return "utf-32-be", 4
        return "utf-32-le", 4 if data.startswith(BOM_UTF32_LE) else 0
    return canonical, 0


### The bytes-to-bytes and str-to-str codecs

try:
    from binascii import Error as _BinasciiError
except ImportError:
    class _BinasciiError(ValueError):
        pass
    _BinasciiError.__name__ = _BinasciiError.__qualname__ = "Error"
    _BinasciiError.__module__ = "binascii"


def _bytes_of(input):
    if isinstance(input, (bytes, bytearray, memoryview)):
        return bytes(input)
    raise TypeError("a bytes-like object is required, not '%s'" % type(input).__name__)


def _hex_encode(input, errors='strict'):
    data = _bytes_of(input)
    return data.hex().encode("ascii"), len(data)


def _hex_decode(input, errors='strict'):
    if isinstance(input, str):
        try:
            input = input.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters") from None
    data = _bytes_of(input)
    if len(data) % 2:
        raise _BinasciiError("Odd-length string")
    try:
        return bytes.fromhex(data.decode("ascii")), len(data)
    except (ValueError, UnicodeDecodeError):
        raise _BinasciiError("Non-hexadecimal digit found") from None


_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUES = {c: i for i, c in enumerate(_B64)}


def _b64_line(chunk):
    out = bytearray()
    for i in range(0, len(chunk) - 2, 3):
        n = chunk[i] << 16 | chunk[i + 1] << 8 | chunk[i + 2]
        out += bytes((_B64[n >> 18], _B64[n >> 12 & 63], _B64[n >> 6 & 63], _B64[n & 63]))
    rest = len(chunk) % 3
    if rest:
        tail = chunk[len(chunk) - rest:] + b"\x00" * (3 - rest)
        n = tail[0] << 16 | tail[1] << 8 | tail[2]
        quad = bytes((_B64[n >> 18], _B64[n >> 12 & 63], _B64[n >> 6 & 63], _B64[n & 63]))
        out += quad[:rest + 1] + b"=" * (3 - rest)
    return bytes(out)


def _base64_encode(input, errors='strict'):
    # As base64.encodebytes: lines of 76 characters, each ending in "\n".
    data = _bytes_of(input)
    lines = [_b64_line(data[i:i + 57]) + b"\n" for i in range(0, len(data), 57)]
    return b"".join(lines), len(data)


def _base64_decode(input, errors='strict'):
    # As base64.decodebytes: characters outside the alphabet are skipped.
    if isinstance(input, str):
        input = input.encode("ascii")
    data = _bytes_of(input)
    values = []
    pad = 0
    for c in data:
        if c == 61:  # '='
            pad += 1
            if len(values) % 4 >= 2 and (len(values) + pad) % 4 == 0:
                break
            continue
        v = _B64_VALUES.get(c)
        if v is not None:
            pad = 0
            values.append(v)
    if len(values) % 4 == 1:
        raise _BinasciiError("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a multiple of 4" % len(values))
    if len(values) % 4 and (len(values) + pad) % 4:
        raise _BinasciiError("Incorrect padding")
    out = bytearray()
    for i in range(0, len(values), 4):
        group = values[i:i + 4]
        n = 0
        for v in group + [0] * (4 - len(group)):
            n = n << 6 | v
        out += bytes((n >> 16, n >> 8 & 255, n & 255))[:len(group) - 1]
    return bytes(out), len(data)


_ROT13 = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")


def _rot13(input, errors='strict'):
    return (str.translate(input, _ROT13), len(input))


def _binary_codec(name, encode, decode):
    class _IncrementalEncoder(IncrementalEncoder):
        def encode(self, input, final=False):
            return encode(input, self.errors)[0]

    class _IncrementalDecoder(IncrementalDecoder):
        def decode(self, input, final=False):
            return decode(input, self.errors)[0]

    return CodecInfo(name=name, encode=encode, decode=decode,
                     incrementalencoder=_IncrementalEncoder,
                     incrementaldecoder=_IncrementalDecoder,
                     _is_text_encoding=False)


_SPECIAL = {
    "hex": lambda: _binary_codec("hex", _hex_encode, _hex_decode),
    "hex_codec": lambda: _binary_codec("hex", _hex_encode, _hex_decode),
    "base64": lambda: _binary_codec("base64", _base64_encode, _base64_decode),
    "base_64": lambda: _binary_codec("base64", _base64_encode, _base64_decode),
    "base64_codec": lambda: _binary_codec("base64", _base64_encode, _base64_decode),
    "rot13": lambda: _binary_codec("rot-13", _rot13, _rot13),
    "rot_13": lambda: _binary_codec("rot-13", _rot13, _rot13),
}

_cache = {}


def lookup(encoding):
    """Looks up a codec tuple in the Python codec registry and returns
    a CodecInfo object."""
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    info = _cache.get(encoding)
    if info is not None:
        return info
    canonical = _codecs._builtin(encoding)
    if canonical is not None:
        info = _text_codec(canonical)
    else:
        key = encoding.strip().lower().replace("-", "_").replace(" ", "_")
        special = _SPECIAL.get(key)
        if special is not None:
            info = special()
        else:
            info = _codecs._search(encoding)
            if info is None:
                raise LookupError("unknown encoding: %s" % encoding)
            return info
    _cache[encoding] = info
    return info


def _wrap(verb, encoding, exc):
    # Errors of plain types are re-raised with the codec named, chained
    # to the original (CPython's wrap_codec_error).
    if type(exc) in (TypeError, ValueError, _BinasciiError):
        new = type(exc)("%s with %r codec failed (%s: %s)" % (verb, encoding, type(exc).__name__, exc))
        raise new from exc
    raise exc


def encode(obj, encoding='utf-8', errors='strict'):
    """Encodes obj using the codec registered for encoding."""
    info = lookup(encoding)
    try:
        result = info.encode(obj, errors)
    except Exception as exc:
        _wrap("encoding", encoding, exc)
    return result[0]


def decode(obj, encoding='utf-8', errors='strict'):
    """Decodes obj using the codec registered for encoding."""
    info = lookup(encoding)
    try:
        result = info.decode(obj, errors)
    except Exception as exc:
        _wrap("decoding", encoding, exc)
    return result[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Opens a file with an encoding: a text file when one is given."""
    if encoding is None:
        return _builtins.open(filename, mode, buffering)
    mode = mode.replace("b", "").replace("t", "")
    f = _builtins.open(filename, mode, buffering, encoding=encoding, errors=errors, newline="")
    return f


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    raise NotImplementedError("codecs.EncodedFile is not available in gilpy")


# The functions of the codec modules that programs call directly.
def utf_8_encode(str, errors=None):
    return _codecs._encode("utf_8_encode", str, "utf-8", errors)


def utf_8_decode(data, errors=None, final=False):
    return _codecs._decode("utf_8_decode", data, "utf-8", errors, final)


def latin_1_encode(str, errors=None):
    return _codecs._encode("latin_1_encode", str, "latin-1", errors)


def latin_1_decode(data, errors=None):
    return _codecs._decode("latin_1_decode", data, "latin-1", errors, True)


def ascii_encode(str, errors=None):
    return _codecs._encode("ascii_encode", str, "ascii", errors)


def ascii_decode(data, errors=None):
    return _codecs._decode("ascii_decode", data, "ascii", errors, True)


def utf_16_encode(str, errors=None, byteorder=0):
    enc = {0: "utf-16", -1: "utf-16-le", 1: "utf-16-be"}[byteorder]
    return _codecs._encode("utf_16_encode", str, enc, errors)


def utf_16_decode(data, errors=None, final=False):
    return _codecs._decode("utf_16_decode", data, "utf-16", errors, final)


def utf_16_le_encode(str, errors=None):
    return _codecs._encode("utf_16_le_encode", str, "utf-16-le", errors)


def utf_16_le_decode(data, errors=None, final=False):
    return _codecs._decode("utf_16_le_decode", data, "utf-16-le", errors, final)


def utf_16_be_encode(str, errors=None):
    return _codecs._encode("utf_16_be_encode", str, "utf-16-be", errors)


def utf_16_be_decode(data, errors=None, final=False):
    return _codecs._decode("utf_16_be_decode", data, "utf-16-be", errors, final)


def utf_32_encode(str, errors=None, byteorder=0):
    enc = {0: "utf-32", -1: "utf-32-le", 1: "utf-32-be"}[byteorder]
    return _codecs._encode("utf_32_encode", str, enc, errors)


def utf_32_decode(data, errors=None, final=False):
    return _codecs._decode("utf_32_decode", data, "utf-32", errors, final)


def unicode_escape_encode(str, errors=None):
    return _codecs._encode("unicode_escape_encode", str, "unicode_escape", errors)


def unicode_escape_decode(data, errors=None, final=True):
    if isinstance(data, str):
        data = data.encode("latin-1")
    return _codecs._decode("unicode_escape_decode", data, "unicode_escape", errors, final)


def raw_unicode_escape_encode(str, errors=None):
    return _codecs._encode("raw_unicode_escape_encode", str, "raw_unicode_escape", errors)


def raw_unicode_escape_decode(data, errors=None, final=True):
    if isinstance(data, str):
        data = data.encode("latin-1")
    return _codecs._decode("raw_unicode_escape_decode", data, "raw_unicode_escape", errors, final)


def charmap_build(decoding_table):
    return {ord(c): i for i, c in enumerate(decoding_table)}


### Helpers for codec modules written in Python

def make_identity_dict(rng):
    return {i: i for i in rng}


def make_encoding_map(decoding_map):
    m = {}
    for k, v in decoding_map.items():
        if v not in m:
            m[v] = k
        else:
            m[v] = None
    return m


# Short names of the built-in handlers, as in CPython.
try:
    strict_errors = lookup_error("strict")
    ignore_errors = lookup_error("ignore")
    replace_errors = lookup_error("replace")
    xmlcharrefreplace_errors = lookup_error("xmlcharrefreplace")
    backslashreplace_errors = lookup_error("backslashreplace")
    namereplace_errors = lookup_error("namereplace")
except LookupError:
    pass
