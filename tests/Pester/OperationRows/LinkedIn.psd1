# LinkedIn's rows of the list table (Operations.Tests.ps1); see TikTok.psd1 for what each key means.
# Only company posts are paginated: a member's posts and articles come whole in one answer, so they are
# tested in LinkedIn.Operations.Tests.ps1. Company posts are paged by cursor alone (CursorOnly: no count is
# sent, any -PageSize is refused); Max is the page size the platform (here the emulator) decides.
@{
    Rows = @(
        @{ Cmdlet = 'Get-KonbiniLinkedInPost'; Parameter = 'Company'; Style = 'dot'; Max = 10; Type = 'LinkedInPost'; CursorOnly = $true }
    )
}
