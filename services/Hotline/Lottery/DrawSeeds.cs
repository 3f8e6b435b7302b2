using System.Security.Cryptography;

namespace Civic.Hotline.Lottery;

/// <summary>Where a draw's seed comes from; injected so tests can fix it.</summary>
public interface IDrawSeedSource
{
    ulong NextSeed();
}

/// <summary>Seeds from the operating system's cryptographic generator: nobody can choose or predict a draw.</summary>
public sealed class CryptographicDrawSeeds : IDrawSeedSource
{
    public ulong NextSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
}
