namespace Harrier.Engine.Checks;

/// <summary>Marks active checks that confirm through the scan's out-of-band listener; the engine starts one only when such a check runs.</summary>
internal interface IOutOfBandCheck : IActiveCheck;
