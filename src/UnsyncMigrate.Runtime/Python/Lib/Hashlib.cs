using System.Security.Cryptography;

namespace UnsyncMigrate.Runtime.Python.Lib;

/// <summary><c>hashlib</c>: md5, sha1, sha224, sha256, sha384, sha512 objects.</summary>
public static class Hashlib
{
    public static HashObject Md5(object? data = null) => new("md5", data);
    public static HashObject Sha1(object? data = null) => new("sha1", data);
    public static HashObject Sha224(object? data = null) => new("sha224", data);
    public static HashObject Sha256(object? data = null) => new("sha256", data);
    public static HashObject Sha384(object? data = null) => new("sha384", data);
    public static HashObject Sha512(object? data = null) => new("sha512", data);

    /// <summary><c>hashlib.new(name, data=b'')</c>.</summary>
    public static HashObject New(string name, object? data = null) => new(name.ToLowerInvariant().Replace("-", ""), data);

    public static readonly PySet AlgorithmsGuaranteed = PySet.Of("md5", "sha1", "sha224", "sha256", "sha384", "sha512");
}

/// <summary>A hash object: <c>update</c>, <c>digest</c>, <c>hexdigest</c>, <c>copy</c>, <c>name</c>, <c>digest_size</c>, <c>block_size</c>.</summary>
public sealed class HashObject : IPyMethods, IPyAttributes, IPyRepr, IPyTypeNamed
{
    readonly List<byte> _data = new();
    readonly IncrementalHash? _inc;
    public string Name { get; }
    public int DigestSize { get; }
    public int BlockSize { get; }

    public HashObject(string name, object? data)
    {
        Name = name;
        (DigestSize, BlockSize) = name switch
        {
            "md5" => (16, 64),
            "sha1" => (20, 64),
            "sha224" => (28, 64),
            "sha256" => (32, 64),
            "sha384" => (48, 128),
            "sha512" => (64, 128),
            _ => throw new ValueError($"unsupported hash type {name}"),
        };
        if (name != "sha224")
        {
            _inc = IncrementalHash.CreateHash(name switch
            {
                "md5" => HashAlgorithmName.MD5,
                "sha1" => HashAlgorithmName.SHA1,
                "sha256" => HashAlgorithmName.SHA256,
                "sha384" => HashAlgorithmName.SHA384,
                _ => HashAlgorithmName.SHA512,
            });
        }
        if (data is not null) Update(data);
    }

    HashObject(HashObject other)
    {
        Name = other.Name;
        DigestSize = other.DigestSize;
        BlockSize = other.BlockSize;
        _data.AddRange(other._data);
        _inc = other._inc?.Clone();
    }

    static byte[] Bytes(object? data) => data switch
    {
        PyBytes b => b.Data,
        string => throw new TypeError("Strings must be encoded before hashing"),
        _ => throw new TypeError($"object supporting the buffer API required"),
    };

    public void Update(object? data)
    {
        var b = Bytes(data);
        lock (_data)
        {
            if (_inc is not null) _inc.AppendData(b);
            else _data.AddRange(b);
        }
    }

    public PyBytes Digest()
    {
        lock (_data)
        {
            if (_inc is not null) return new PyBytes(_inc.GetCurrentHash());
            return new PyBytes(Sha224.Hash(_data.ToArray()));
        }
    }

    public string HexDigest() => Digest().Hex();
    public HashObject Copy() { lock (_data) return new HashObject(this); }

    public string PyTypeName => Name switch { "md5" => "md5", _ => Name };
    public string PyModuleName => "_hashlib";
    public string PyRepr() => $"<{Name} _hashlib.HASH object @ {Py.FakeAddress(this)}>";

    static readonly HashSet<string> s_methods = new() { "update", "digest", "hexdigest", "copy" };
    public HashSet<string> PyMethodNames => s_methods;

    public bool TryCallPyMethod(string name, object?[] args, PyKwargs? kwargs, out object? result)
    {
        result = null;
        switch (name)
        {
            case "update": Update(args[0]); return true;
            case "digest": result = Digest(); return true;
            case "hexdigest": result = HexDigest(); return true;
            case "copy": result = Copy(); return true;
        }
        return false;
    }

    public bool TryGetPyAttr(string name, out object? value)
    {
        switch (name)
        {
            case "name": value = Name; return true;
            case "digest_size": value = (long)DigestSize; return true;
            case "block_size": value = (long)BlockSize; return true;
        }
        value = null;
        return false;
    }

    public bool TrySetPyAttr(string name, object? value) => false;
}

/// <summary>SHA-224 (not in the BCL): SHA-256 with other initial values, truncated.</summary>
internal static class Sha224
{
    static readonly uint[] K =
    {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    public static byte[] Hash(byte[] msg)
    {
        uint[] h = { 0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4 };
        long bitLen = (long)msg.Length * 8;
        int padLen = ((msg.Length + 9 + 63) / 64) * 64;
        var data = new byte[padLen];
        msg.CopyTo(data, 0);
        data[msg.Length] = 0x80;
        for (int i = 0; i < 8; i++) data[padLen - 1 - i] = (byte)(bitLen >> (8 * i));
        var w = new uint[64];
        for (int off = 0; off < padLen; off += 64)
        {
            for (int i = 0; i < 16; i++)
                w[i] = (uint)(data[off + 4 * i] << 24 | data[off + 4 * i + 1] << 16 | data[off + 4 * i + 2] << 8 | data[off + 4 * i + 3]);
            for (int i = 16; i < 64; i++)
            {
                uint s0 = uint.RotateRight(w[i - 15], 7) ^ uint.RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
                uint s1 = uint.RotateRight(w[i - 2], 17) ^ uint.RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
                w[i] = w[i - 16] + s0 + w[i - 7] + s1;
            }
            uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
            for (int i = 0; i < 64; i++)
            {
                uint S1 = uint.RotateRight(e, 6) ^ uint.RotateRight(e, 11) ^ uint.RotateRight(e, 25);
                uint ch = (e & f) ^ (~e & g);
                uint t1 = hh + S1 + ch + K[i] + w[i];
                uint S0 = uint.RotateRight(a, 2) ^ uint.RotateRight(a, 13) ^ uint.RotateRight(a, 22);
                uint maj = (a & b) ^ (a & c) ^ (b & c);
                uint t2 = S0 + maj;
                hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
            }
            h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
        }
        var r = new byte[28];
        for (int i = 0; i < 7; i++)
        {
            r[4 * i] = (byte)(h[i] >> 24); r[4 * i + 1] = (byte)(h[i] >> 16); r[4 * i + 2] = (byte)(h[i] >> 8); r[4 * i + 3] = (byte)h[i];
        }
        return r;
    }
}
