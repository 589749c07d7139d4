package kz.hotline114.pbx;

/** The PBX refused an AMI action, or could not be asked (link down, timeout). */
public class PbxCommandFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PbxCommandFailed(String message) {
        super(message);
    }

    public PbxCommandFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
