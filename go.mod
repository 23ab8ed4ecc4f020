module shouhou

go 1.26.8
