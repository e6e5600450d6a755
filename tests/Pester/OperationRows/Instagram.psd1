# Instagram's rows of the list table (Operations.Tests.ps1); the columns are described in TikTok.psd1.
# Shortcodes cannot hold '.', so reserved posts are spelled with '_' (emu_list_45). CursorOnly marks a list the
# service pages by cursor alone: no count is sent, Max is the page size the service picks (the emulator's 10).
@{
    Rows = @(
        @{ Cmdlet = 'Get-KonbiniInstagramPost'; Parameter = 'Username'; Style = 'dot'; Max = 12; Type = 'InstagramPost' }
        @{ Cmdlet = 'Get-KonbiniInstagramPost'; Parameter = 'TaggedUser'; Style = 'dot'; Max = 12; Type = 'InstagramPost' }
        @{ Cmdlet = 'Get-KonbiniInstagramPost'; Parameter = 'LocationId'; Style = 'id'; Max = 21; Type = 'InstagramPost'; FixedPage = $true }
        @{ Cmdlet = 'Get-KonbiniInstagramReel'; Parameter = 'Username'; Style = 'dot'; Max = 12; Type = 'InstagramPost' }
        @{ Cmdlet = 'Get-KonbiniInstagramComment'; Parameter = 'PostId'; Style = 'underscore'; Max = 15; Type = 'InstagramComment'; FixedPage = $true }
        @{ Cmdlet = 'Get-KonbiniInstagramHighlight'; Parameter = 'Username'; Style = 'dot'; Max = 10; Type = 'InstagramHighlight'; CursorOnly = $true }
        @{ Cmdlet = 'Search-KonbiniInstagram'; Parameter = 'Query'; Style = 'dot'; Max = 24; Type = 'InstagramPost'; FreeText = $true }
    )
}
