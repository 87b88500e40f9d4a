namespace Kiosk.Web;

/// <summary>
/// The <c>Kiosk:Store</c> configuration section: who issues the sales invoice, as the BIR registration states it. The
/// system cannot know these; a store fills them in before printing invoices for customers.
/// </summary>
public sealed class StoreIdentity
{
    public const string Section = "Kiosk:Store";

    public string RegisteredName { get; set; } = "KIOSK FOOD CORPORATION";
    public string TradeName { get; set; } = "Kiosk";
    public string VatRegTin { get; set; } = "000-000-000";
    public string BranchCode { get; set; } = "00000";
    public string Address { get; set; } = "Set Kiosk:Store:Address";
    public string MachineIdentificationNumber { get; set; } = "Set Kiosk:Store:MachineIdentificationNumber";
    public string SerialNumber { get; set; } = "Set Kiosk:Store:SerialNumber";
    public string Accreditation { get; set; } = "Set Kiosk:Store:Accreditation (supplier's accreditation no., date issued, valid until)";
}
