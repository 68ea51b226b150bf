import hashlib, hmac
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "sha3_512", "blake2b", "blake2s"]:
    h = hashlib.new(name, b"hello world")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
print(hashlib.sha256(b"").hexdigest(), hashlib.md5(b"abc").digest())
h = hashlib.sha256(); h.update(b"hello "); c = h.copy(); h.update(b"world"); c.update(b"there")
print(h.hexdigest(), c.hexdigest())
big = b"x" * 100000
print(hashlib.sha1(big).hexdigest(), hashlib.blake2b(big, digest_size=16).hexdigest())
print(hashlib.blake2b(b"msg", key=b"secret", digest_size=20).hexdigest(), hashlib.blake2s(b"msg", salt=b"salty", person=b"me").hexdigest())
print(hashlib.shake_128(b"abc").hexdigest(10), hashlib.shake_256(b"abc").digest(5))
print(hashlib.new("SHA256", b"x").hexdigest(), hashlib.sha512(b"abc").hexdigest()[:32])
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex(), hashlib.pbkdf2_hmac("sha1", b"pw", b"s", 2, dklen=10).hex())
try:
    hashlib.sha256("text")
except TypeError as e:
    print(e)
try:
    hashlib.new("nope")
except ValueError as e:
    print(e)
print(sorted(hashlib.algorithms_guaranteed))
m = hmac.new(b"key", b"The quick brown fox", hashlib.sha256)
print(m.hexdigest(), m.name, m.digest_size, hmac.new(b"k", digestmod="md5").hexdigest())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("a", "b"), hmac.digest(b"k", b"m", "sha1").hex())
import io
print(hashlib.file_digest(io.BytesIO(b"file data"), "sha256").hexdigest())
print(type(hashlib.md5()).__name__, type(hashlib.blake2b()).__name__, repr(hashlib.md5()).split(" object")[0])
