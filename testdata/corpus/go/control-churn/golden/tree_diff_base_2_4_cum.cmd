go tool pprof -nodefraction=0.001 -tree -cum -unit=B -diff_base=heap_2.pb.gz heap_4.pb.gz
