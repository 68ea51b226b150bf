import zlib
d = zlib.compress(b'hello hello hello hello')
print(d, zlib.compress(b'abc', 9), zlib.compress(b'abc', 1), zlib.compress(b''), zlib.crc32(b'abc'), zlib.adler32(b'abc'), zlib.crc32(b'abc', 5), zlib.crc32(b''), zlib.adler32(b''))
print(zlib.decompress(d), zlib.decompress(zlib.compress(b'x' * 100000)) == b'x' * 100000, len(zlib.compress(bytes(range(256)) * 100)))
c = zlib.compressobj(); print(c.compress(b'data'*10) + c.flush())
c = zlib.compressobj(6, zlib.DEFLATED, -15); raw = c.compress(b'raw') + c.flush(); print(raw, zlib.decompress(raw, -15))
c = zlib.compressobj(wbits=31); gz = c.compress(b'gz') + c.flush(); print(gz, zlib.decompress(gz, 31), zlib.decompress(gz, 47))
try:
    zlib.decompress(b'garbage')
except zlib.error as e:
    print(e)
try:
    zlib.decompress(d[:-3])
except zlib.error as e:
    print(e)
dobj = zlib.decompressobj()
out = dobj.decompress(d[:10]) + dobj.decompress(d[10:] + b'trailing')
print(out, dobj.eof, dobj.unused_data, dobj.unconsumed_tail)
dobj = zlib.decompressobj()
part = dobj.decompress(zlib.compress(b'abcdef' * 10), 5)
print(part, len(dobj.unconsumed_tail) > 0, dobj.decompress(dobj.unconsumed_tail) + dobj.flush())
c = zlib.compressobj(); s1 = c.compress(b'sync me'); s2 = c.flush(zlib.Z_SYNC_FLUSH); print(s1, s2, c.flush())
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.Z_BEST_COMPRESSION, zlib.ZLIB_VERSION)
try:
    zlib.compress(b'x', 10)
except zlib.error as e:
    print(e)
